import {
  Metadata,
  status,
  type CallOptions,
  type ClientUnaryCall,
  type requestCallback,
} from '@grpc/grpc-js';
import { isGrpcError, statusName } from './errors';

/** The x-request-id header every call carries (the services log it and forward it downstream). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * How long after its deadline a call may stay silent before `unary` ends it itself. grpc-js reports
 * a deadline within a few milliseconds; this only catches a status that never comes (see `unary`).
 */
export const DEADLINE_BACKSTOP_MS = 250;

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
 * Runs one unary call with an x-request-id and a deadline, as a promise that always settles.
 * @example
 * const order = await unary((md, o, cb) => orders.GetOrder({ order_id }, md, o, cb), settings);
 */
export function unary<Res>(invoke: Invoke<Res>, s: CallSettings): Promise<Res> {
  const metadata = new Metadata();
  metadata.set(REQUEST_ID_HEADER, s.requestId);
  return new Promise<Res>((resolve, reject) => {
    let call: ClientUnaryCall | undefined;
    let done = false;
    const settle = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(backstop);
      fn();
    };
    // grpc-js (1.14) drops the status of a call whose deadline fires before an async interceptor
    // (our bearer-token one) has started it: the callback never runs, nothing else keeps the event
    // loop alive, and the process used to exit 0 without a word. This timer both ends such a call
    // and keeps the process alive until it does.
    const backstop = setTimeout(() => {
      call?.cancel();
      settle(() =>
        reject(
          new RemoteCallError(
            s.service,
            status.DEADLINE_EXCEEDED,
            `Deadline exceeded after ${s.deadlineMs}ms (no answer)`,
          ),
        ),
      );
    }, s.deadlineMs + DEADLINE_BACKSTOP_MS);
    try {
      call = invoke(metadata, { deadline: Date.now() + s.deadlineMs }, (err, res) =>
        settle(() => {
          if (err)
            reject(isGrpcError(err) ? new RemoteCallError(s.service, err.code, err.details) : err);
          else if (res === undefined) reject(new Error(`${s.service}: empty response`));
          else resolve(res);
        }),
      );
    } catch (err) {
      settle(() => reject(err));
    }
  });
}
