import * as grpc from '@grpc/grpc-js';
import { AuthError, reasonOf } from '../errors/auth-error';
import { setPrincipal } from '../principal/principal-store';
import { extractBearerToken } from '../token/bearer';
import { createVerifier, VerifierBugError } from '../token/verifier';
import { checkAuthOptions, type AuthServerOptions } from './auth-options';
import { AuthCounters, type AuthStats } from './auth-stats';
import { CallGate } from './call-gate';

/**
 * A grpc-js server interceptor that also reports its counters.
 *
 * @example
 * ```ts
 * logger.info(auth.stats(), 'auth stats');
 * ```
 */
export type AuthServerInterceptor = grpc.ServerInterceptor & { stats(): AuthStats };

const INTERNAL = { code: grpc.status.INTERNAL, details: 'internal error' };

/**
 * Verifies `authorization: Bearer <jwt>` on every call (except exact paths `skip` exempts) before
 * the handler runs. Rejected calls end with UNAUTHENTICATED "missing bearer token" / "invalid
 * token" (UNAVAILABLE while no key ever loaded) and the handler never runs; an unexpected failure
 * ends the call with INTERNAL instead of crashing the process. Options are checked now.
 *
 * @example
 * ```ts
 * const auth = createAuthServerInterceptor({
 *   keys: createRemoteKeySet({ url: config.JWKS_URL }),
 *   issuer: 'http://127.0.0.1:8080', audience: 'order-service', algorithms: ['ES256'],
 *   skip: (path) => INFRA_METHODS.includes(path),
 * });
 * const server = new grpc.Server({ interceptors: [auth] });
 * ```
 */
export function createAuthServerInterceptor(options: AuthServerOptions): AuthServerInterceptor {
  const cfg = checkAuthOptions(options);
  const verify = createVerifier(cfg);
  const counters = new AuthCounters();
  const log = cfg.logger;

  function fail(call: grpc.ServerInterceptingCallInterface, rpc: string, err: unknown): void {
    try {
      if (err instanceof AuthError) {
        counters.reject(reasonOf(err));
        log.debug({ rpc, reason: reasonOf(err), code: err.grpcCode }, 'token rejected');
        call.sendStatus({ code: err.grpcCode, details: err.publicMessage });
        return;
      }
      counters.internalErrors += 1;
      const cause = err instanceof VerifierBugError ? err.original : err;
      log.error(
        { rpc, err: { name: (cause as Error)?.name, message: (cause as Error)?.message } },
        'auth interceptor failed',
      );
      call.sendStatus(INTERNAL);
    } catch {
      // Nothing left to do: the call may already be gone. Never let this escape into grpc-js.
    }
  }

  function authenticate(
    method: string,
    call: grpc.ServerInterceptingCallInterface,
  ): grpc.ServerInterceptingCall {
    const gate = new CallGate();
    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        let pending: Promise<unknown>;
        try {
          const token = extractBearerToken(metadata, cfg.maxTokenLength);
          pending = verify(token).then(({ principal, cacheHit }) => {
            if (cacheHit) counters.cacheHits += 1;
            else counters.cacheMisses += 1;
            counters.accepted += 1;
            setPrincipal(metadata, principal);
            next(metadata);
            gate.open();
          });
        } catch (err) {
          pending = Promise.reject(err);
        }
        pending.catch((err: unknown) => {
          gate.close();
          fail(call, method, err);
        });
      })
      .withOnReceiveMessage((message, next) => {
        try {
          gate.run(() => next(message));
        } catch (err) {
          gate.close();
          fail(call, method, err);
        }
      })
      .withOnReceiveHalfClose((next) => {
        try {
          gate.run(() => next());
        } catch (err) {
          gate.close();
          fail(call, method, err);
        }
      })
      .withOnCancel(() => gate.close())
      .build();
    return new grpc.ServerInterceptingCall(call, {
      start: (next) => next(listener),
    });
  }

  const interceptor = ((methodDescriptor, call) => {
    const method = methodDescriptor.path;
    try {
      // `skip` is the service's code; if it throws, fail closed for this call only.
      if (cfg.skip(method) === true) return new grpc.ServerInterceptingCall(call);
      return authenticate(method, call);
    } catch (err) {
      return new grpc.ServerInterceptingCall(call, {
        start: (next) =>
          next({
            onReceiveMetadata: () => fail(call, method, err),
            onReceiveMessage: () => undefined,
            onReceiveHalfClose: () => undefined,
          }),
      });
    }
  }) as AuthServerInterceptor;
  interceptor.stats = () =>
    counters.snapshot(
      cfg.keys.stats?.() ?? { keys: 0, fetches: 0, fetchFailures: 0, loaded: false },
    );
  return interceptor;
}
