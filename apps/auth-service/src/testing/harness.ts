// Test-only helpers: a real auth service on 127.0.0.1:0 (gRPC and HTTP), a controllable clock,
// captured logs, and a promise wrapper for generated clients. Never imported by main.ts.
import * as grpc from '@grpc/grpc-js';
import { createAuthClient, type AuthServiceClient } from '@jwt-mesh/contracts';
import { captureLogger, type CapturedLogger } from '@jwt-mesh/service-kit/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAuthService, type RunningAuthService } from '../app';
import { loadAuthConfig, type AuthConfig } from '../config';
import type { ScryptParams } from '../domain/password';
import type { SeedUser } from '../store/seed';

/** Cheap scrypt so tests stay fast on two cores; production uses N=2^15. */
export const FAST_SCRYPT: ScryptParams = Object.freeze({ N: 1024, r: 8, p: 1 });

export const PASSWORDS = {
  alice: 'alice-secret-pw-1',
  bob: 'bob-secret-pw-2',
  admin: 'admin-secret-pw-3',
};

export const TEST_USERS: SeedUser[] = [
  { id: 'usr_alice', username: 'alice', roles: ['customer'], password: PASSWORDS.alice },
  {
    id: 'usr_bob',
    username: 'bob',
    roles: ['customer'],
    scopes: ['orders:read', 'orders:write'],
    password: PASSWORDS.bob,
  },
  { id: 'usr_admin', username: 'admin', roles: ['admin'], password: PASSWORDS.admin },
];

/** A clock tests move by hand; starts at the real time so tokens also look sane to outside tools. */
export class TestClock {
  t = Date.now();
  readonly now = (): number => this.t;
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

export function tempDir(prefix = 'auth-service-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestAuth {
  running: RunningAuthService;
  client: AuthServiceClient;
  logs: CapturedLogger;
  config: AuthConfig;
  clock: TestClock;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartTestAuthOptions {
  env?: Record<string, string>;
  clock?: TestClock;
  dataDir?: string;
  /** Default ':memory:'; pass 'file' for DATA_DIR/auth.db. */
  database?: ':memory:' | 'file';
  seed?: readonly SeedUser[];
  logs?: CapturedLogger;
  /** scrypt cost of seeded hashes and the dummy hash (default FAST_SCRYPT). */
  scrypt?: ScryptParams;
}

export async function startTestAuth(o: StartTestAuthOptions = {}): Promise<TestAuth> {
  const dataDir = o.dataDir ?? tempDir();
  const ownDir = o.dataDir === undefined;
  const clock = o.clock ?? new TestClock();
  const logs = o.logs ?? captureLogger('auth-service', 'trace');
  const config = loadAuthConfig({ GRPC_PORT: '0', HTTP_PORT: '0', DATA_DIR: dataDir, ...o.env });
  let running: RunningAuthService;
  try {
    running = await startAuthService(config, {
      logger: logs.logger,
      now: clock.now,
      scrypt: o.scrypt ?? FAST_SCRYPT,
      database: o.database === 'file' ? undefined : ':memory:',
      seed: o.seed ?? TEST_USERS,
    });
  } catch (err) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const client = createAuthClient(running.grpc.address);
  return {
    running,
    client,
    logs,
    config,
    clock,
    dataDir,
    async stop() {
      client.close();
      await running.stop(0);
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Callback<Res> = (err: grpc.ServiceError | null, res?: Res) => void;

/** Calls a unary method of a generated client and resolves with the response. */
export function rpc<Res>(
  client: grpc.Client,
  method: string,
  request: object,
  metadata = new grpc.Metadata(),
): Promise<Res> {
  const fn = (
    client as unknown as Record<string, (r: object, m: grpc.Metadata, cb: Callback<Res>) => void>
  )[method];
  return new Promise((resolve, reject) =>
    fn.call(client, request, metadata, (err, res) => (err ? reject(err) : resolve(res as Res))),
  );
}

/** The ServiceError a call failed with (fails the test if it succeeded). */
export async function rpcError(
  client: grpc.Client,
  method: string,
  request: object,
  metadata?: grpc.Metadata,
): Promise<grpc.ServiceError> {
  try {
    await rpc(client, method, request, metadata);
  } catch (err) {
    return err as grpc.ServiceError;
  }
  throw new Error(`${method} succeeded but was expected to fail`);
}

export function bearer(token: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: string;
  refresh_expires_in: string;
}

export function login(client: grpc.Client, username: string, password: string): Promise<Tokens> {
  return rpc<Tokens>(client, 'Login', { username, password });
}

/** Decodes a JWT segment without verifying (tests only). */
export function decodeSegment(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
