import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSeed, type TestUser } from './seed';
import { ServiceProcess, type ServiceName, type ServiceSpec } from './service-process';

export const ISSUER = 'https://auth.integration.test';

export interface ClusterOptions {
  /** Users added to the demo seed (both auth and user services read it). */
  users?: readonly TestUser[];
  userReplicas?: number;
  orderReplicas?: number;
  authEnv?: Record<string, string>;
  /** Extra env for user- and order-service. */
  downstreamEnv?: Record<string, string>;
}

/**
 * The three real services on ephemeral ports with temp data dirs: auth first (its HTTP line gives
 * the JWKS URL), then user-service replicas, then order-service replicas pointed at all of them.
 * Replicas of user-service get their own DATA_DIR; replicas of order-service share one (one orders.db).
 */
export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'jwt-mesh-it-'));
  readonly seedFile: string;
  auth!: ServiceProcess;
  users: ServiceProcess[] = [];
  orders: ServiceProcess[] = [];

  private constructor(private readonly o: ClusterOptions) {
    this.seedFile = writeSeed(this.dir, o.users);
  }

  static async start(o: ClusterOptions = {}): Promise<Cluster> {
    const c = new Cluster(o);
    try {
      await c.boot();
    } catch (err) {
      await c.stop();
      throw err;
    }
    return c;
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${this.auth.httpPort}/.well-known/jwks.json`;
  }
  get authAddr(): string {
    return this.auth.address;
  }
  get userAddrs(): string {
    return this.users.map((u) => u.address).join(',');
  }
  get orderAddrs(): string {
    return this.orders.map((u) => u.address).join(',');
  }
  get all(): ServiceProcess[] {
    return [this.auth, ...this.users, ...this.orders].filter(Boolean);
  }

  private spec(service: ServiceName, label: string, env: Record<string, string>): ServiceSpec {
    return { service, label, env: { GRPC_PORT: '0', JWT_ISSUER: ISSUER, ...env } };
  }

  private async boot(): Promise<void> {
    this.auth = await new ServiceProcess(
      this.spec('auth-service', 'auth-service', {
        HTTP_PORT: '0',
        DATA_DIR: join(this.dir, 'auth'),
        SEED_FILE: this.seedFile,
        PASSWORD_SCRYPT_LOG2_N: '10', // generated test users: cheap hashes keep 50 logins fast on 2 cores
        // flow.spec logs 50 users in at once from one client; the default admission (4 hashing + 32
        // queued) would shed 14 of them with RESOURCE_EXHAUSTED, which is not what that test is about.
        LOGIN_MAX_QUEUED_HASHES: '64',
        ...this.o.authEnv,
      }),
    ).ready();
    const down = {
      JWKS_URL: this.jwksUrl,
      JWT_CLOCK_TOLERANCE_SECONDS: '0',
      ...this.o.downstreamEnv,
    };
    this.users = await Promise.all(
      Array.from({ length: this.o.userReplicas ?? 1 }, (_, i) =>
        new ServiceProcess(
          this.spec('user-service', `user-service#${i + 1}`, {
            ...down,
            DATA_DIR: join(this.dir, `users-${i + 1}`),
            SEED_FILE: this.seedFile,
          }),
        ).ready(),
      ),
    );
    // The first order replica creates the schema; the others start after it, on the same DATA_DIR.
    const orderSpec = (i: number) =>
      this.spec('order-service', `order-service#${i + 1}`, {
        ...down,
        DATA_DIR: join(this.dir, 'orders'),
        USER_SERVICE_ADDR: this.userAddrs,
      });
    this.orders = [await new ServiceProcess(orderSpec(0)).ready()];
    const more = Array.from({ length: (this.o.orderReplicas ?? 1) - 1 }, (_, i) =>
      new ServiceProcess(orderSpec(i + 1)).ready(),
    );
    this.orders.push(...(await Promise.all(more)));
  }

  /**
   * Stops `p` and starts it again with the same environment and the SAME ports (clients and the
   * JWKS URL of the others keep pointing at it). Returns the new process, also placed in the cluster.
   */
  async restart(p: ServiceProcess): Promise<ServiceProcess> {
    await p.stop();
    return this.startAgain(p);
  }

  /** Starts a stopped service again on its old ports, data dir and env. */
  async startAgain(p: ServiceProcess): Promise<ServiceProcess> {
    const env: Record<string, string> = { ...p.spec.env, GRPC_PORT: String(p.port) };
    if (p.httpPort) env.HTTP_PORT = String(p.httpPort);
    const next = await new ServiceProcess({ ...p.spec, env }).ready();
    if (p === this.auth) this.auth = next;
    this.users = this.users.map((u) => (u === p ? next : u));
    this.orders = this.orders.map((u) => (u === p ? next : u));
    return next;
  }

  /** Stops every process (even after a failed test) and removes the temp dir. */
  async stop(): Promise<void> {
    await Promise.all(this.all.map((p) => p.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
