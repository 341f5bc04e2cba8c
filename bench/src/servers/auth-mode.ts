import type * as grpc from '@grpc/grpc-js';
import { INFRA_METHODS } from '@jwt-mesh/service-kit';
import { createNoAuthInterceptor } from './baseline-auth';
import { createIntrospectingInterceptor } from './introspect-auth';

/** How a bench server authenticates: the app as shipped, or one of the two baselines. */
export type AuthMode = 'jwt' | 'none' | 'introspect';

/** Read from the bench's own variables; the apps' config knows nothing of them. */
export function authModeFromEnv(env: NodeJS.ProcessEnv): AuthMode {
  const mode = env.BENCH_AUTH_MODE ?? 'jwt';
  if (mode !== 'jwt' && mode !== 'none' && mode !== 'introspect') {
    throw new Error(`BENCH_AUTH_MODE: ${mode} is not jwt, none or introspect`);
  }
  return mode;
}

/** The interceptor to inject for a baseline mode (undefined for `jwt`: the app builds its own). */
export function baselineInterceptor(
  mode: AuthMode,
  env: NodeJS.ProcessEnv,
  audience: string,
): { interceptor?: grpc.ServerInterceptor; close(): void } {
  if (mode === 'none') {
    // Handlers need a caller; the bench's requests all act as the seeded customer usr_alice.
    return {
      interceptor: createNoAuthInterceptor(env.BENCH_SUBJECT ?? 'usr_alice', ['customer']),
      close() {},
    };
  }
  if (mode === 'introspect') {
    const authAddr = env.BENCH_AUTH_ADDR;
    if (!authAddr) throw new Error('BENCH_AUTH_ADDR is required with BENCH_AUTH_MODE=introspect');
    return createIntrospectingInterceptor({
      authAddr,
      audience,
      skip: (path) => INFRA_METHODS.includes(path),
    });
  }
  return { close() {} };
}

/** The line the bench waits for (on stderr: the services' stdout goes to a log file or /dev/null). */
export function announce(service: string, mode: AuthMode, port: number): void {
  process.stderr.write(
    `${JSON.stringify({ msg: 'bench-listening', service, mode, port, pid: process.pid })}\n`,
  );
}
