import * as grpc from '@grpc/grpc-js';
import { createUserClient, type UserServiceClient } from '@jwt-mesh/contracts';
import { propagateTokenInterceptor } from '@jwt-mesh/jwt-interceptor';
import { getCallLogger } from '@jwt-mesh/service-kit';
import { CustomerNotFoundError, UpstreamError } from '../domain/errors';

/** The customer as user-service knows them. */
export interface Customer {
  readonly id: string;
  readonly displayName: string;
}

/** Looks up the caller of an incoming call at user-service, on the caller's own token. */
export interface CustomerDirectory {
  getCaller(parent: grpc.ServerUnaryCall<unknown, unknown>): Promise<Customer>;
}

/**
 * The one user-service client of the process: the client-level propagateTokenInterceptor copies
 * `authorization` and `x-request-id` from `CallOptions.parent`. Create once, reuse.
 * @example
 * const client = createUserServiceClient(config.USER_SERVICE_ADDR);
 */
export function createUserServiceClient(addresses: string | readonly string[]): UserServiceClient {
  return createUserClient(addresses, { interceptors: [propagateTokenInterceptor] });
}

/**
 * GetMe on behalf of `parent`: its token, request id and cancellation travel on, and the deadline is
 * the earlier of the caller's and now + `timeoutMs`. Failures become our own errors (see README).
 * Per-call `interceptors` are never passed: they would replace the client-level ones.
 */
export function createUserDirectory(
  client: UserServiceClient,
  o: { timeoutMs: number; now?: () => number },
): CustomerDirectory {
  const now = o.now ?? Date.now;
  return {
    getCaller(parent) {
      const deadline = Math.min(deadlineMs(parent.getDeadline()), now() + o.timeoutMs);
      return new Promise((resolve, reject) => {
        client.GetMe({}, new grpc.Metadata(), { parent, deadline }, (err, user) => {
          if (err) {
            getCallLogger(parent).warn(
              { downstream: 'user-service', downstreamCode: grpc.status[err.code] },
              'user-service call failed',
            );
            reject(mapDownstreamError(err));
          } else if (!user) reject(UpstreamError.unavailable());
          else resolve({ id: user.id, displayName: user.display_name });
        });
      });
    },
  };
}

function deadlineMs(d: grpc.Deadline): number {
  return d instanceof Date ? d.getTime() : d;
}

/** Downstream status → what our caller sees. Never forwards user-service's details. */
export function mapDownstreamError(err: grpc.ServiceError): Error {
  switch (err.code) {
    case grpc.status.UNAUTHENTICATED:
      return UpstreamError.unauthenticated();
    case grpc.status.PERMISSION_DENIED:
      return UpstreamError.permissionDenied();
    case grpc.status.NOT_FOUND:
      return new CustomerNotFoundError();
    case grpc.status.DEADLINE_EXCEEDED:
      return UpstreamError.deadlineExceeded();
    case grpc.status.CANCELLED:
      return UpstreamError.cancelled();
    default:
      return UpstreamError.unavailable();
  }
}
