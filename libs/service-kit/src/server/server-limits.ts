import type * as grpc from '@grpc/grpc-js';

/** The largest request message a service accepts unless it says otherwise: 64 KiB. */
export const DEFAULT_MAX_RECEIVE_MESSAGE_BYTES = 64 * 1024;

/**
 * grpc-js server options `startGrpcServer` sets unless `serverOptions` overrides them. grpc-js's own
 * defaults are 4 MiB messages (decoded in full before any handler could check them), 2^32-1
 * concurrent streams per connection and connections that live forever, idle or not.
 * grpc-js 1.14's server does not enforce a client ping policy
 * (`grpc.http2.min_ping_interval_without_data_ms`, `grpc.http2.max_ping_strikes`), so none is set.
 * @example
 * startGrpcServer({ ..., serverOptions: { 'grpc.max_concurrent_streams': 500 } });
 */
export const SERVER_DEFAULTS = Object.freeze({
  'grpc.max_receive_message_length': DEFAULT_MAX_RECEIVE_MESSAGE_BYTES,
  // advertised in SETTINGS; further streams on the same connection are refused
  'grpc.max_concurrent_streams': 100,
  // no open stream for 5 min: GOAWAY
  'grpc.max_connection_idle_ms': 5 * 60_000,
  // every connection is recycled after ~30 min (grpc-js adds ±10 % jitter) ...
  'grpc.max_connection_age_ms': 30 * 60_000,
  // ... and streams still open 30 s after that (a never-ending Watch, a stuck call) are cut
  'grpc.max_connection_age_grace_ms': 30_000,
  // ping every 2 min; a peer that does not answer within 20 s is dropped with its streams
  'grpc.keepalive_time_ms': 2 * 60_000,
  'grpc.keepalive_timeout_ms': 20_000,
} satisfies grpc.ServerOptions);

/**
 * Defaults, then `serverOptions`, then `maxReceiveMessageBytes` when given.
 * Throws a `TypeError` naming the option for a bad `maxReceiveMessageBytes`.
 */
export function serverOptionsWithLimits(
  serverOptions: Omit<grpc.ServerOptions, 'interceptors'> | undefined,
  maxReceiveMessageBytes: number | undefined,
): Omit<grpc.ServerOptions, 'interceptors'> {
  if (
    maxReceiveMessageBytes !== undefined &&
    (!Number.isSafeInteger(maxReceiveMessageBytes) || maxReceiveMessageBytes < 1)
  ) {
    throw new TypeError(
      `startGrpcServer: maxReceiveMessageBytes must be a positive integer, got ${maxReceiveMessageBytes}`,
    );
  }
  return {
    ...SERVER_DEFAULTS,
    ...serverOptions,
    ...(maxReceiveMessageBytes === undefined
      ? {}
      : { 'grpc.max_receive_message_length': maxReceiveMessageBytes }),
  };
}
