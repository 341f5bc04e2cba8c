// A stand-in for a mesh service: a real gRPC UserService whose GetMe returns the verified principal,
// guarded by libs/jwt-interceptor configured from the auth service's HTTP JWKS URL.
import * as grpc from '@grpc/grpc-js';
import { createUserClient, loadMesh, type User, type UserServiceClient } from '@jwt-mesh/contracts';
import {
  createAuthServerInterceptor,
  createRemoteKeySet,
  getPrincipal,
  type KeySet,
  type RemoteKeySetOptions,
} from '@jwt-mesh/jwt-interceptor';
import { unary, type RunningServer } from '@jwt-mesh/service-kit';
import { closeServer, startTestServer } from '@jwt-mesh/service-kit/testing';
import { bearer, rpc } from './harness';

export interface Downstream {
  keys: KeySet;
  server: RunningServer;
  client: UserServiceClient;
  /** GetMe with this bearer token: resolves with the principal's id and roles. */
  whoAmI(token: string): Promise<User>;
  stop(): Promise<void>;
}

export async function startDownstream(o: {
  jwksUrl: string;
  issuer: string;
  audience: string;
  now: () => number;
  remote?: Omit<RemoteKeySetOptions, 'url'>;
}): Promise<Downstream> {
  const keys = createRemoteKeySet({ url: o.jwksUrl, ...o.remote });
  const interceptor = createAuthServerInterceptor({
    keys,
    issuer: o.issuer,
    audience: o.audience,
    algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
    cache: false,
    now: () => new Date(o.now()),
  });
  const definition = loadMesh().grpcObject.mesh.user.v1.UserService.service;
  const GetMe = unary<unknown, User>(async (call) => {
    const p = getPrincipal(call);
    return { id: p.subject, roles: [...p.roles] };
  });
  const notUsed = unary<unknown, User>(async () => {
    throw new Error('not used');
  });
  const server = await startTestServer({
    services: [{ definition, implementation: { GetMe, GetUser: notUsed, ListUsers: notUsed } }],
    interceptors: [interceptor],
  });
  const client = createUserClient(server.address);
  return {
    keys,
    server,
    client,
    whoAmI: (token) => rpc<User>(client, 'GetMe', {}, bearer(token)),
    async stop() {
      client.close();
      keys.close();
      await closeServer(server);
    },
  };
}

export const UNAUTHENTICATED = grpc.status.UNAUTHENTICATED;
