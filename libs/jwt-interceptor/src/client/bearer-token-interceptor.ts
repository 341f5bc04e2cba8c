import * as grpc from '@grpc/grpc-js';

// A header value must not be able to smuggle a second header or scheme.
const TOKEN_CHARS = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * Client interceptor that sends `authorization: Bearer <token>` from `getToken` (sync or async),
 * for CLIs and tests. If `getToken` throws, rejects, or returns something that is not a token, the
 * call fails locally with UNAUTHENTICATED "could not obtain bearer token" and nothing is sent.
 *
 * @example
 * ```ts
 * const orders = createOrderClient(addr, {
 *   interceptors: [createBearerTokenInterceptor(() => session.accessToken())],
 * });
 * ```
 */
export function createBearerTokenInterceptor(
  getToken: () => string | Promise<string>,
): grpc.Interceptor {
  if (typeof getToken !== 'function') throw new TypeError('getToken: must be a function');
  return (options, nextCall) => {
    const inner = nextCall(options);
    let started = false;
    let cancelled = false;
    return new grpc.InterceptingCall(inner, {
      start(metadata, listener, next) {
        const endLocally = (code: grpc.status, details: string): void => {
          listener.onReceiveStatus({ code, details, metadata: new grpc.Metadata() });
          // The inner call was created but never started: end it so the channel does not count it
          // as active forever. It has no listener yet, so the caller hears only the status above.
          inner.cancelWithStatus(code, details);
        };
        void Promise.resolve()
          .then(getToken)
          .then(
            (token) => {
              if (cancelled) return endLocally(grpc.status.CANCELLED, 'Cancelled on client');
              if (typeof token !== 'string' || !TOKEN_CHARS.test(token)) {
                return endLocally(grpc.status.UNAUTHENTICATED, 'could not obtain bearer token');
              }
              metadata.set('authorization', `Bearer ${token}`);
              started = true;
              next(metadata, listener);
            },
            () =>
              endLocally(
                cancelled ? grpc.status.CANCELLED : grpc.status.UNAUTHENTICATED,
                cancelled ? 'Cancelled on client' : 'could not obtain bearer token',
              ),
          );
      },
      cancel(next) {
        // Cancelled while getToken is pending: the status is reported when getToken settles.
        cancelled = true;
        if (started) next();
      },
    });
  };
}
