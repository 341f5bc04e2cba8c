import * as grpc from '@grpc/grpc-js';
import { createAuthClient, createOrderClient, type Order__Output } from '@jwt-mesh/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../common/proc';
import { decodeToken, type TokenTemplate } from '../common/tokens';
import { spawnService, type ServiceProcess } from './service';

/** One order-service + user-service pair, wired for one way of authenticating. */
export type SetName = 'none' | 'jwt' | 'nocache' | 'introspect';

export interface ServiceSet {
  name: SetName;
  user: ServiceProcess;
  order: ServiceProcess;
  /** An order owned by usr_alice in this set's database (GetOrder workload). */
  orderId: string;
}

export interface Mesh {
  dir: string;
  auth: ServiceProcess;
  sets: Map<SetName, ServiceSet>;
  template: TokenTemplate;
  /** A fresh login token of alice (setup calls). */
  token: string;
  /** Stops auth-service (graceful) and starts it again on the same ports, data and key. */
  stopAuth(): Promise<void>;
  startAuth(): Promise<void>;
  pidsOf(set: SetName): { order: number; user: number; auth: number };
}

export interface MeshOptions {
  repoRoot: string;
  distDir: string;
  dir: string;
  sets: readonly SetName[];
  /** Service stdout to files under dir/logs instead of /dev/null. */
  keepLogs: boolean;
  alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA';
  /** Node flags for order/user processes (e.g. --cpu-prof). */
  nodeArgs?: Partial<Record<SetName, string[]>>;
}

const SET_ENV: Record<SetName, Record<string, string>> = {
  none: { BENCH_AUTH_MODE: 'none' },
  jwt: { BENCH_AUTH_MODE: 'jwt' },
  nocache: { BENCH_AUTH_MODE: 'jwt', JWT_CACHE_MAX_ENTRIES: '0' },
  introspect: { BENCH_AUTH_MODE: 'introspect' },
};

/** auth-service (the real bundled main) plus one order/user pair per set, as separate processes. */
export async function startMesh(o: MeshOptions): Promise<Mesh> {
  mkdirSync(join(o.dir, 'logs'), { recursive: true });
  const keyFile = join(o.dir, 'signing-key.pem');
  const { privateKey } =
    o.alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : o.alg === 'EdDSA'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  writeFileSync(keyFile, privateKeyPem, { mode: 0o600 });
  const seed = join(o.repoRoot, 'seed/demo-users.json');
  const log = (name: string) => (o.keepLogs ? join(o.dir, 'logs', `${name}.log`) : '/dev/null');
  // BENCH_SERVICE_LOG_LEVEL=debug (with --keep-logs) shows why a token was rejected.
  const common = {
    HOST: '127.0.0.1',
    GRPC_PORT: '0',
    LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'info',
    SHUTDOWN_GRACE_MS: '1000',
  };

  let authStarts = 0;
  let ports = { grpc: '0', http: '0' };
  const spawnAuth = () =>
    spawnService({
      name: 'auth-service',
      script: join(o.distDir, 'auth-service.js'),
      ready: 'auth-service',
      logFile: join(o.dir, 'logs', `auth-service.${++authStarts}.log`),
      env: {
        ...common,
        GRPC_PORT: ports.grpc,
        HTTP_PORT: ports.http,
        DATA_DIR: join(o.dir, 'auth'),
        SEED_FILE: seed,
        SIGNING_KEY_FILE: keyFile,
        JWT_ALG: o.alg,
        // The login scenario logs in as one user 8 at a time; in-flight attempts count against
        // the lockout, so the bench raises it: it measures hashing, not the throttle.
        LOGIN_MAX_FAILURES: '1000',
        // The reference-token baseline introspects every call; off in any other configuration.
        INTROSPECTION_ENABLED: 'true',
      },
    });
  let auth = await spawnAuth();
  ports = { grpc: String(auth.port), http: String(auth.info.httpPort) };
  const authAddr = `127.0.0.1:${auth.port}`;

  const token = await login(authAddr, 'alice', 'alice-password');
  const decoded = decodeToken(token);
  const claims = decoded.claims;
  const template: TokenTemplate = {
    headerB64: decoded.headerB64,
    alg: String(decoded.header.alg),
    claims,
    ttlSeconds: Number(claims.exp) - Number(claims.iat),
    privateKeyPem,
  };

  const sets = new Map<SetName, ServiceSet>();
  const keyEnv = {
    JWT_ALGORITHMS: o.alg,
    JWKS_URL: `http://127.0.0.1:${ports.http}/.well-known/jwks.json`,
    BENCH_AUTH_ADDR: authAddr,
  };
  // Sequential starts: each remote key set fetches the JWKS once at start.
  for (const name of o.sets) {
    const user = await spawnService({
      name: `user-service[${name}]`,
      script: join(o.distDir, 'user-server.js'),
      ready: 'bench-entry',
      logFile: log(`user-${name}`),
      nodeArgs: o.nodeArgs?.[name],
      env: {
        ...common,
        ...keyEnv,
        ...SET_ENV[name],
        DATA_DIR: join(o.dir, `user-${name}`),
        SEED_FILE: seed,
      },
    });
    const order = await spawnService({
      name: `order-service[${name}]`,
      script: join(o.distDir, 'order-server.js'),
      ready: 'bench-entry',
      logFile: log(`order-${name}`),
      nodeArgs: o.nodeArgs?.[name],
      env: {
        ...common,
        ...keyEnv,
        ...SET_ENV[name],
        DATA_DIR: join(o.dir, `order-${name}`),
        USER_SERVICE_ADDR: `127.0.0.1:${user.port}`,
      },
    });
    const first = await createFirstOrder(`127.0.0.1:${order.port}`, token);
    sets.set(name, { name, user, order, orderId: first.id });
  }

  return {
    dir: o.dir,
    get auth() {
      return auth;
    },
    sets,
    template,
    token,
    async stopAuth() {
      await auth.stop(5000);
    },
    async startAuth() {
      auth = await spawnAuth();
    },
    pidsOf(set) {
      const s = sets.get(set)!;
      return { order: s.order.pid, user: s.user.pid, auth: auth.pid };
    },
  };
}

function login(addr: string, username: string, password: string): Promise<string> {
  const client = createAuthClient(addr);
  return new Promise<string>((resolve, reject) => {
    client.Login({ username, password }, { deadline: Date.now() + 10_000 }, (err, res) => {
      client.close();
      if (err || !res) reject(new Error(`login failed: ${err?.message}`));
      else resolve(res.access_token);
    });
  });
}

/** CreateOrder through the whole set, retried while a remote key set is still loading (bounded). */
async function createFirstOrder(addr: string, token: string): Promise<Order__Output> {
  const client = createOrderClient(addr);
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const md = new grpc.Metadata();
      md.set('authorization', `Bearer ${token}`);
      const res = await new Promise<{ err: grpc.ServiceError | null; order?: Order__Output }>(
        (resolve) =>
          client.CreateOrder(
            {
              items: [{ sku: 'BENCH-1', quantity: 1, unit_price_cents: '100' }],
              idempotency_key: '',
            },
            md,
            { deadline: Date.now() + 2000 },
            (err, order) => resolve({ err, order }),
          ),
      );
      if (!res.err && res.order) return res.order;
      if (res.err?.code !== grpc.status.UNAVAILABLE)
        throw new Error(`setup CreateOrder: ${res.err?.message}`);
      await sleep(100);
    }
    throw new Error('setup CreateOrder: still UNAVAILABLE after 10 s');
  } finally {
    client.close();
  }
}
