// Readers for docker-compose.yml and deploy/k8s/*.yaml, reduced to what the checks need.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ROOT, type DeployedEnv } from './config-schema';

// ---------------------------------------------------------------- compose

export interface ComposeService {
  build?: { context?: string; dockerfile?: string };
  image?: string;
  container_name?: string;
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: unknown;
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  stop_grace_period?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function loadCompose(file = join(ROOT, 'docker-compose.yml')): ComposeFile {
  // merge: compose files share env blocks through YAML anchors and `<<` merge keys.
  return parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

/** `environment` as a map, in either compose syntax (a variable without value is "from the host"). */
export function composeEnv(svc: ComposeService): DeployedEnv {
  const env: Record<string, string | undefined> = {};
  const e = svc.environment ?? {};
  if (Array.isArray(e)) {
    for (const item of e) {
      const i = item.indexOf('=');
      if (i < 0) env[item] = undefined;
      else env[item.slice(0, i)] = item.slice(i + 1);
    }
  } else {
    for (const [k, v] of Object.entries(e)) env[k] = v === null ? undefined : String(v);
  }
  return env;
}

export interface PortMapping {
  hostIp?: string;
  /** Host port or range, empty when Docker chooses. */
  host: string;
  container: number;
}

/** Compose short syntax `[ip:][host[-range]:]container[/proto]`, or the long syntax. */
export function parseComposePort(
  p: string | number | { target: number; published?: string | number },
): PortMapping {
  if (typeof p === 'number') return { host: '', container: p };
  if (typeof p === 'object')
    return { host: p.published === undefined ? '' : String(p.published), container: p.target };
  const spec = p.replace(/\/(tcp|udp)$/, '');
  const parts = spec.split(':');
  const container = Number(parts.pop());
  if (parts.length === 0) return { host: '', container };
  if (parts.length === 1) return { host: parts[0], container };
  return { hostIp: parts[0], host: parts[1], container };
}

/** Seconds in a compose duration (`15s`, `1m30s`, `500ms`). */
export function composeDurationSeconds(d: string): number {
  let total = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 's' ? n : m[2] === 'm' ? n * 60 : n * 3600;
  }
  return total;
}

// ---------------------------------------------------------------- kubernetes

export const K8S_DIR = join(ROOT, 'deploy/k8s');

// Only the fields the checks read; everything else stays `unknown`.
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: unknown;
  data?: Record<string, string>;
  /** Which file it came from, for messages. */
  file: string;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
    fieldRef?: unknown;
  };
}

export interface GrpcProbe {
  grpc?: { port: number; service?: string };
  httpGet?: unknown;
  tcpSocket?: unknown;
  exec?: unknown;
}

export interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  readinessProbe?: GrpcProbe;
  livenessProbe?: GrpcProbe;
  startupProbe?: GrpcProbe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface PodSpec {
  containers: Container[];
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    runAsGroup?: number;
    fsGroup?: number;
  };
  terminationGracePeriodSeconds?: number;
  volumes?: {
    name: string;
    secret?: { secretName: string; items?: { key: string; path: string }[] };
    persistentVolumeClaim?: { claimName: string };
    emptyDir?: unknown;
  }[];
}

export interface DeploymentSpec {
  replicas?: number;
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}

export interface ServiceSpec {
  clusterIP?: string;
  selector: Record<string, string>;
  ports: { name?: string; port: number; targetPort?: number | string }[];
}

export interface NetworkPolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: {
    from?: {
      podSelector?: { matchLabels?: Record<string, string> };
      namespaceSelector?: unknown;
    }[];
    ports?: { port: number | string }[];
  }[];
}

export function kustomizationResources(): string[] {
  const k = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as {
    resources: string[];
  };
  return k.resources;
}

export function k8sFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
    .sort();
}

export function loadK8s(): K8sObject[] {
  const out: K8sObject[] = [];
  for (const file of k8sFiles()) {
    for (const doc of parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
      // toJSON: the same call in yaml 1.x (hoisted today) and 2.x.
      const obj = doc.toJSON() as Omit<K8sObject, 'file'> | null;
      if (obj) out.push({ ...obj, file });
    }
  }
  return out;
}

export function matches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
}
