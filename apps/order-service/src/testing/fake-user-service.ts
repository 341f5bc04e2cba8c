import * as grpc from '@grpc/grpc-js';
import { loadMesh, type User, type UserServiceHandlers } from '@jwt-mesh/contracts';
import { createAuthServerInterceptor, getPrincipal, type KeySet } from '@jwt-mesh/jwt-interceptor';

/** What the fake does with GetMe. */
export type FakeBehavior =
  'ok' | 'stall' | 'not-found' | 'permission-denied' | 'internal' | 'unavailable' | 'wrong-user';

export interface RecordedCall {
  /** The raw `authorization` header as it arrived. */
  authorization: string | undefined;
  requestId: string | undefined;
  /** The verified subject. */
  subject: string;
  /** The deadline grpc-js gave the server call, ms since the epoch (Infinity if none). */
  deadlineMs: number;
  cancelled: boolean;
}

export interface FakeUserService {
  readonly address: string;
  readonly calls: RecordedCall[];
  behavior: FakeBehavior;
  /** Resolves when a call the fake is holding (behavior 'stall') observes cancellation. */
  nextCancellation(): Promise<RecordedCall>;
  close(): Promise<void>;
}

/**
 * A real gRPC server implementing mesh.user.v1.UserService for order-service tests, verifying tokens
 * with the real auth interceptor (audience user-service), recording what arrived. Not user-service's
 * code: apps never import each other.
 */
export async function startFakeUserService(o: {
  keys: KeySet;
  issuer: string;
  names: Readonly<Record<string, string>>;
}): Promise<FakeUserService> {
  const calls: RecordedCall[] = [];
  const waiting: ((c: RecordedCall) => void)[] = [];
  const fake = { behavior: 'ok' as FakeBehavior };

  const GetMe: UserServiceHandlers['GetMe'] = (call, callback) => {
    const d = call.getDeadline();
    const rec: RecordedCall = {
      authorization: call.metadata.get('authorization')[0] as string | undefined,
      requestId: call.metadata.get('x-request-id')[0] as string | undefined,
      subject: getPrincipal(call).subject,
      deadlineMs: d instanceof Date ? d.getTime() : d,
      cancelled: false,
    };
    calls.push(rec);
    const fail = (code: grpc.status, details: string) => callback({ code, details });
    switch (fake.behavior) {
      case 'stall':
        call.on('cancelled', () => {
          rec.cancelled = true;
          waiting.splice(0).forEach((w) => w(rec));
        });
        return;
      case 'not-found':
        return fail(grpc.status.NOT_FOUND, 'user not found');
      case 'permission-denied':
        return fail(grpc.status.PERMISSION_DENIED, 'nope');
      case 'internal':
        return fail(grpc.status.INTERNAL, 'secret internal detail');
      case 'unavailable':
        return fail(grpc.status.UNAVAILABLE, 'down');
      case 'wrong-user':
        return callback(null, profile('usr_someone_else', 'Someone Else'));
      case 'ok': {
        const name = o.names[rec.subject];
        return name
          ? callback(null, profile(rec.subject, name))
          : fail(grpc.status.NOT_FOUND, 'no profile');
      }
    }
  };
  const unimplemented = (_: unknown, cb: grpc.sendUnaryData<never>) =>
    cb({ code: grpc.status.UNIMPLEMENTED, details: 'fake' });

  const server = new grpc.Server({
    interceptors: [
      createAuthServerInterceptor({
        keys: o.keys,
        issuer: o.issuer,
        audience: 'user-service',
        algorithms: ['ES256'],
      }),
    ],
  });
  const handlers: UserServiceHandlers = { GetMe, GetUser: unimplemented, ListUsers: unimplemented };
  server.addService(loadMesh().grpcObject.mesh.user.v1.UserService.service, handlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );

  return Object.assign(fake, {
    address: `127.0.0.1:${port}`,
    calls,
    nextCancellation: () => new Promise<RecordedCall>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown();
        resolve();
      }),
  });
}

function profile(id: string, displayName: string): User {
  return {
    id,
    username: id,
    display_name: displayName,
    email: `${id}@example.com`,
    roles: ['customer'],
  };
}

/** A 127.0.0.1 port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<string> {
  const server = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  server.forceShutdown();
  return `127.0.0.1:${port}`;
}
