import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';

/**
 * Adds `authorization: Bearer <token>` to every outgoing call, asking `getToken` each time so a
 * refreshed token is used by the retry. Same contract as jwt-interceptor's
 * createBearerTokenInterceptor; kept local until that lib exports it.
 */
export function bearerInterceptor(getToken: () => string | undefined): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        const token = getToken();
        if (token) metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });
}
