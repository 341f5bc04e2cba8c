import * as grpc from '@grpc/grpc-js';

const PROPAGATED = ['authorization', 'x-request-id'] as const;

/** The incoming metadata of the server call given as `CallOptions.parent`, if any. */
function parentMetadata(options: grpc.CallOptions): grpc.Metadata | undefined {
  const md = (options.parent as { metadata?: unknown } | undefined)?.metadata;
  return md instanceof grpc.Metadata ? md : undefined;
}

/**
 * Client interceptor for calls made on a caller's behalf: copies `authorization` and `x-request-id`
 * from the server call passed as `{ parent: call }` to the outgoing call. The token is read from that
 * very call (no globals, no shared state), so concurrent callers never see each other's tokens;
 * when the parent carries no token, none is sent. grpc-js itself carries the parent's deadline and
 * cancellation. Install it on the client (`interceptors: [propagateTokenInterceptor]`); per-call
 * `interceptors` would replace it.
 *
 * @example
 * ```ts
 * const users = createUserClient(addr, { interceptors: [propagateTokenInterceptor] });
 * users.getMe({}, new grpc.Metadata(), { parent: call }, callback);
 * ```
 */
export const propagateTokenInterceptor: grpc.Interceptor = (options, nextCall) =>
  new grpc.InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      const parent = options.parent === undefined ? undefined : parentMetadata(options);
      if (options.parent !== undefined) {
        for (const key of PROPAGATED) {
          metadata.remove(key);
          // Exactly one string value is forwarded; anything else was refused upstream anyway.
          const values = parent?.get(key) ?? [];
          if (values.length === 1 && typeof values[0] === 'string') metadata.set(key, values[0]);
        }
      }
      next(metadata, listener);
    },
  });
