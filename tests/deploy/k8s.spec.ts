// deploy/k8s against the services' own config schemas (issue 7).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  checkEnv,
  effective,
  loadSchema,
  ROOT,
  SERVICES,
  splitHostPort,
  urlHostPort,
  type ConfigSchema,
  type DeployedEnv,
  type Service,
} from './config-schema';
import {
  k8sFiles,
  kustomizationResources,
  loadK8s,
  matches,
  type Container,
  type DeploymentSpec,
  type K8sObject,
  type NetworkPolicySpec,
  type ServiceSpec,
} from './deploy-files';

/** The uid the images run as (apps/*\/Dockerfile). */
const IMAGE_UID = 10001;

let objects: K8sObject[];
const schemas = {} as Record<Service, ConfigSchema>;
const envs = {} as Record<Service, DeployedEnv>;

const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
const deployment = (svc: Service) => byKind('Deployment').find((d) => d.metadata.name === svc)!;
const depSpec = (svc: Service) => deployment(svc).spec as DeploymentSpec;
const container = (svc: Service): Container => depSpec(svc).template.spec.containers[0];
const podLabels = (svc: Service) => depSpec(svc).template.metadata.labels;
const value = (svc: Service, name: string) => effective(schemas[svc], envs[svc], name);

/** The Service whose selector picks this Deployment's pods. */
function serviceFor(svc: Service): { name: string; spec: ServiceSpec } {
  const found = byKind('Service').filter((s) =>
    matches((s.spec as ServiceSpec).selector, podLabels(svc)),
  );
  expect(found).toHaveLength(1);
  return { name: found[0].metadata.name, spec: found[0].spec as ServiceSpec };
}

/** Container port a Service port sends to (targetPort by number or by name). */
function targetPort(svc: Service, port: { port: number; targetPort?: number | string }): number {
  const t = port.targetPort ?? port.port;
  if (typeof t === 'number') return t;
  const named = container(svc).ports?.find((p) => p.name === t);
  if (!named) throw new Error(`${svc}: no container port named ${t}`);
  return named.containerPort;
}

/** Resolves env entries: literal values and ConfigMap keys; Secret refs count as set (value unknown). */
function resolveEnv(c: Container): DeployedEnv {
  const env: Record<string, string | undefined> = {};
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (e.valueFrom?.configMapKeyRef) {
      const { name, key } = e.valueFrom.configMapKeyRef;
      const cm = byKind('ConfigMap').find((o) => o.metadata.name === name);
      if (!cm?.data || !(key in cm.data))
        throw new Error(`${c.name}: ConfigMap ${name} has no key ${key}`);
      env[e.name] = cm.data[key];
    } else env[e.name] = undefined;
  }
  return env;
}

beforeAll(() => {
  objects = loadK8s();
  for (const svc of SERVICES) schemas[svc] = loadSchema(svc);
  for (const svc of SERVICES) envs[svc] = resolveEnv(container(svc));
}, 60_000);

it('lists every manifest in kustomization.yaml, and only those', () => {
  expect([...kustomizationResources()].sort()).toEqual(k8sFiles());
});

it('has one Deployment per service and nothing unnamed', () => {
  expect(
    byKind('Deployment')
      .map((d) => d.metadata.name)
      .sort(),
  ).toEqual([...SERVICES].sort());
  for (const o of objects) expect(o.metadata?.name).toBeTruthy();
});

describe.each(SERVICES)('%s Deployment', (svc) => {
  it('sets only variables the service reads, every required one, with valid values', () => {
    expect(container(svc).envFrom).toBeUndefined(); // explicit names, so this check sees them all
    expect(checkEnv(schemas[svc], envs[svc])).toEqual([]);
  });

  it('listens beyond loopback and declares exactly its gRPC (and HTTP) ports', () => {
    expect(value(svc, 'HOST')).toBe('0.0.0.0');
    const expected = [Number(value(svc, 'GRPC_PORT'))];
    if (schemas[svc].HTTP_PORT) expected.push(Number(value(svc, 'HTTP_PORT')));
    expect((container(svc).ports ?? []).map((p) => p.containerPort).sort()).toEqual(
      expected.sort(),
    );
  });

  it('probes grpc.health.v1 natively on the gRPC port (startup, readiness, liveness)', () => {
    const c = container(svc);
    for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe]) {
      expect(probe?.grpc?.port).toBe(Number(value(svc, 'GRPC_PORT')));
    }
  });

  it('runs as the image uid, non-root, read-only root filesystem, no privileges', () => {
    const pod = depSpec(svc).template.spec;
    const c = container(svc);
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBe(IMAGE_UID);
    expect(c.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.resources?.requests?.cpu).toBeDefined();
    expect(c.resources?.limits?.memory).toBeDefined();
  });

  it('mounts a writable volume at DATA_DIR (the root filesystem is read-only)', () => {
    const mount = container(svc).volumeMounts?.find((m) => m.mountPath === value(svc, 'DATA_DIR'));
    expect(mount).toBeDefined();
    expect(mount!.readOnly).not.toBe(true);
    expect(depSpec(svc).template.spec.volumes?.map((v) => v.name)).toContain(mount!.name);
  });

  it('gives in-flight calls SHUTDOWN_GRACE_MS before the kubelet kills the pod', () => {
    const grace = depSpec(svc).template.spec.terminationGracePeriodSeconds ?? 30;
    expect(grace * 1000).toBeGreaterThan(Number(value(svc, 'SHUTDOWN_GRACE_MS')));
  });

  it('selects its own pods and uses its own image', () => {
    expect(matches(depSpec(svc).selector.matchLabels, podLabels(svc))).toBe(true);
    expect(container(svc).image.split(':')[0]).toBe(`jwt-mesh/${svc}`);
  });

  it("is reached through a Service whose ports land on the container's ports", () => {
    const { spec } = serviceFor(svc);
    const declared = (container(svc).ports ?? []).map((p) => p.containerPort).sort();
    expect(spec.ports.map((p) => targetPort(svc, p)).sort()).toEqual(declared);
  });
});

it('uses one issuer for the whole mesh', () => {
  expect(new Set(SERVICES.map((s) => value(s, 'JWT_ISSUER'))).size).toBe(1);
  expect(envs['auth-service'].JWT_ISSUER).toBeDefined();
});

it("reads auth-service's signing key from a mounted Secret", () => {
  const file = envs['auth-service'].SIGNING_KEY_FILE!;
  const c = container('auth-service');
  const mount = c.volumeMounts?.find((m) => file.startsWith(`${m.mountPath}/`));
  expect(mount?.readOnly).toBe(true);
  const vol = depSpec('auth-service').template.spec.volumes?.find((v) => v.name === mount!.name);
  expect(vol?.secret?.secretName).toBeTruthy();
});

describe.each(['user-service', 'order-service'] as const)('%s verifies tokens', (svc) => {
  it("with the JWKS from auth-service's Service, HTTP port", () => {
    expect(envs[svc].JWT_PUBLIC_KEYS_FILE).toBeUndefined(); // "not together" with JWKS_URL
    const jwks = urlHostPort(envs[svc].JWKS_URL!);
    const auth = serviceFor('auth-service');
    expect(jwks.host.split('.')[0]).toBe(auth.name);
    const port = auth.spec.ports.find((p) => p.port === jwks.port);
    expect(port && targetPort('auth-service', port)).toBe(
      Number(value('auth-service', 'HTTP_PORT')),
    );
    expect(jwks.path).toBe('/.well-known/jwks.json');
  });
});

it('sends order-service to every user-service pod (headless Service, gRPC port)', () => {
  const addr = splitHostPort(envs['order-service'].USER_SERVICE_ADDR!);
  const user = serviceFor('user-service');
  expect(addr.host.split('.')[0]).toBe(user.name);
  expect(user.spec.clusterIP).toBe('None');
  const port = user.spec.ports.find((p) => p.port === addr.port);
  expect(port && targetPort('user-service', port)).toBe(Number(value('user-service', 'GRPC_PORT')));
});

it('autoscales order-service and leaves replicas to the autoscaler', () => {
  const hpa = byKind('HorizontalPodAutoscaler');
  expect(hpa).toHaveLength(1);
  const spec = hpa[0].spec as {
    scaleTargetRef: { kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
  };
  expect(spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'order-service' });
  expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
  expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
  expect(depSpec('order-service').replicas).toBeUndefined();
});

it('keeps order-service available during voluntary disruptions (PodDisruptionBudget)', () => {
  const pdbs = byKind('PodDisruptionBudget').filter((p) =>
    matches(
      (p.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels,
      podLabels('order-service'),
    ),
  );
  expect(pdbs).toHaveLength(1);
});

describe('NetworkPolicies', () => {
  const policies = () => byKind('NetworkPolicy').map((p) => p.spec as NetworkPolicySpec);

  it('deny all ingress by default', () => {
    expect(
      policies().some(
        (p) =>
          Object.keys(p.podSelector.matchLabels ?? {}).length === 0 &&
          p.policyTypes?.includes('Ingress') &&
          !p.ingress,
      ),
    ).toBe(true);
  });

  it.each(SERVICES)('admit traffic to every port of %s', (svc) => {
    const open = policies()
      .filter(
        (p) =>
          Object.keys(p.podSelector.matchLabels ?? {}).length > 0 &&
          matches(p.podSelector.matchLabels, podLabels(svc)),
      )
      .flatMap((p) => p.ingress ?? [])
      .flatMap((r) => r.ports ?? [])
      .map((p) => p.port);
    for (const port of container(svc).ports ?? []) expect(open).toContain(port.containerPort);
  });

  it('let only mesh pods reach user-service', () => {
    const rules = policies()
      .filter(
        (p) =>
          Object.keys(p.podSelector.matchLabels ?? {}).length > 0 &&
          matches(p.podSelector.matchLabels, podLabels('user-service')),
      )
      .flatMap((p) => p.ingress ?? []);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.from?.length).toBeGreaterThan(0);
      for (const peer of rule.from!) {
        expect(peer.namespaceSelector).toBeUndefined();
        expect(peer.podSelector?.matchLabels).toEqual({ 'app.kubernetes.io/part-of': 'jwt-mesh' });
      }
    }
    for (const svc of SERVICES)
      expect(podLabels(svc)['app.kubernetes.io/part-of']).toBe('jwt-mesh');
  });
});

const hasKubectl =
  spawnSync('kubectl', ['version', '--client'], {
    stdio: 'ignore',
    timeout: 30_000,
    killSignal: 'SIGKILL',
  }).status === 0;

(hasKubectl ? it : it.skip)(
  'builds with `kubectl kustomize` (kubectl installed)',
  () => {
    const out = execFileSync('kubectl', ['kustomize', 'deploy/k8s'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    for (const o of objects) expect(out).toContain(`name: ${o.metadata.name}`);
  },
  40_000,
);
