import {
  Metadata,
  type CallOptions,
  type ClientUnaryCall,
  type requestCallback,
} from '@grpc/grpc-js';
import { isGrpcError, statusName } from './errors';

/** The x-request-id header every call carries (the services log it and forward it downstream). */
export const REQUEST_ID_HEADER = 'x-request-id';

export type Invoke<Res> = (
  metadata: Metadata,
  options: CallOptions,
  callback: requestCallback<Res>,
) => ClientUnaryCall;

/** A failed call, labelled with the service it went to so the user knows which hop said no. */
export class RemoteCallError extends Error {
  readonly code: number;
  readonly details: string;
  readonly service: string;

  constructor(service: string, code: number, details: string) {
    super(`${service}: ${statusName(code)}: ${details}`);
    this.name = 'RemoteCallError';
    this.service = service;
    this.code = code;
    this.details = details;
  }
}

export interface CallSettings {
  service: string;
  requestId: string;
  deadlineMs: number;
}

/**
 * Runs one unary call with an x-request-id and a deadline, as a promise.
 * @example
 * const order = await unary((md, o, cb) => orders.GetOrder({ order_id }, md, o, cb), settings);
 */
export function unary<Res>(invoke: Invoke<Res>, s: CallSettings): Promise<Res> {
  const metadata = new Metadata();
  metadata.set(REQUEST_ID_HEADER, s.requestId);
  return new Promise<Res>((resolve, reject) => {
    invoke(metadata, { deadline: Date.now() + s.deadlineMs }, (err, res) => {
      if (err)
        reject(isGrpcError(err) ? new RemoteCallError(s.service, err.code, err.details) : err);
      else if (res === undefined) reject(new Error(`${s.service}: empty response`));
      else resolve(res);
    });
  });
}
