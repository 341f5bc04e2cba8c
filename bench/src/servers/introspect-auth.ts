import * as grpc from '@grpc/grpc-js';
import { createAuthClient, type IntrospectResponse__Output } from '@jwt-mesh/contracts';
import type { Principal } from '@jwt-mesh/jwt-interceptor';
// Bench only (see baseline-auth.ts): the reference-token baseline vouches for callers itself.
import { setPrincipal } from '../../../libs/jwt-interceptor/src/principal/principal-store';
import { CallGate } from '../../../libs/jwt-interceptor/src/server/call-gate';

export interface IntrospectAuthOptions {
  /** auth-service gRPC address. */
  authAddr: string;
  /** This service's audience; the answer's `aud` must contain it. */
  audience: string;
  skip: (methodPath: string) => boolean;
  /** Deadline of each Introspect call. */
  timeoutMs?: number;
}

const BEARER = /^bearer (.+)$/i;

/**
 * Reference tokens: every call asks auth-service `Introspect` (RFC 7662 style) whether the token is
 * active, and builds the principal from the answer. Messages are held until the answer arrives
 * (the lib's CallGate), as the real interceptor does. Returns the client so the caller can close it.
 */
export function createIntrospectingInterceptor(o: IntrospectAuthOptions): {
  interceptor: grpc.ServerInterceptor;
  close(): void;
} {
  const client = createAuthClient(o.authAddr);
  const timeoutMs = o.timeoutMs ?? 2000;

  const introspect = (token: string) =>
    new Promise<IntrospectResponse__Output>((resolve, reject) => {
      client.Introspect({ token }, { deadline: Date.now() + timeoutMs }, (err, res) =>
        err || !res ? reject(err ?? new Error('empty answer')) : resolve(res),
      );
    });

  const interceptor: grpc.ServerInterceptor = (method, call) => {
    if (o.skip(method.path)) return new grpc.ServerInterceptingCall(call);
    const gate = new CallGate();
    const refuse = (code: grpc.status, details: string) => {
      gate.close();
      call.sendStatus({ code, details });
    };
    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        const value = metadata.get('authorization')[0];
        const token = typeof value === 'string' ? BEARER.exec(value)?.[1] : undefined;
        if (!token) return refuse(grpc.status.UNAUTHENTICATED, 'missing bearer token');
        introspect(token).then(
          (answer) => {
            if (!answer.active || !answer.aud.includes(o.audience) || !answer.sub) {
              return refuse(grpc.status.UNAUTHENTICATED, 'invalid token');
            }
            const principal: Principal = Object.freeze({
              subject: answer.sub,
              roles: Object.freeze([...answer.roles]),
              scopes: Object.freeze(answer.scope ? answer.scope.split(' ') : []),
              claims: Object.freeze({ sub: answer.sub, iss: answer.iss, aud: answer.aud }),
            });
            setPrincipal(metadata, principal);
            next(metadata);
            gate.open();
          },
          () => refuse(grpc.status.UNAVAILABLE, 'auth-service unavailable'),
        );
      })
      .withOnReceiveMessage((message, next) => gate.run(() => next(message)))
      .withOnReceiveHalfClose((next) => gate.run(() => next()))
      .withOnCancel(() => gate.close())
      .build();
    return new grpc.ServerInterceptingCall(call, { start: (next) => next(listener) });
  };
  return { interceptor, close: () => client.close() };
}
