/**
 * Full paths of the infrastructure methods every server exposes: health checking and server
 * reflection (v1 and v1alpha). Exempt them from auth by exact path, never by prefix.
 * @example
 * createAuthServerInterceptor({ ..., skip: (path) => INFRA_METHODS.includes(path) });
 */
export const INFRA_METHODS: readonly string[] = Object.freeze([
  '/grpc.health.v1.Health/Check',
  '/grpc.health.v1.Health/Watch',
  '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
  '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo',
]);

/** `'mesh.order.v1.OrderService'` from a service definition (its methods' `/pkg.Service/Method` paths). */
export function serviceNameOf(definition: Readonly<Record<string, { path: string }>>): string {
  const first = Object.values(definition)[0];
  const match = first ? /^\/([^/]+)\//.exec(first.path) : null;
  if (!match?.[1]) throw new TypeError('service definition has no methods');
  return match[1];
}
