import { status } from '@grpc/grpc-js';

export type RpcLogLevel = 'info' | 'warn' | 'error';

// The caller's fault or an expected outcome: info. Worth a look (policy, load, timeouts): warn.
// Our bug or a broken dependency: error. After go-grpc-middleware's DefaultServerCodeToLevel.
const LEVELS: Readonly<Record<number, RpcLogLevel>> = {
  [status.OK]: 'info',
  [status.CANCELLED]: 'info',
  [status.INVALID_ARGUMENT]: 'info',
  [status.NOT_FOUND]: 'info',
  [status.ALREADY_EXISTS]: 'info',
  [status.UNAUTHENTICATED]: 'info',
  [status.PERMISSION_DENIED]: 'warn',
  [status.DEADLINE_EXCEEDED]: 'warn',
  [status.FAILED_PRECONDITION]: 'warn',
  [status.UNAVAILABLE]: 'warn',
  [status.RESOURCE_EXHAUSTED]: 'warn',
  [status.ABORTED]: 'warn',
  [status.OUT_OF_RANGE]: 'warn',
  // Not error: grpc-js answers UNIMPLEMENTED to client input (a unary call half-closed without its
  // message, an unknown method, an unsupported grpc-encoding), so at error anyone could flood alerts.
  [status.UNIMPLEMENTED]: 'warn',
  [status.INTERNAL]: 'error',
  [status.UNKNOWN]: 'error',
  [status.DATA_LOSS]: 'error',
};

/**
 * The level of the `rpc finished` line for a status code; unknown numbers are errors.
 * @example
 * levelForCode(grpc.status.PERMISSION_DENIED); // 'warn'
 */
export function levelForCode(code: number): RpcLogLevel {
  return LEVELS[code] ?? 'error';
}

/**
 * The status code's name, as logged in `code`.
 * @example
 * codeName(5); // 'NOT_FOUND'
 * codeName(42); // 'CODE_42'
 */
export function codeName(code: number): string {
  return status[code] ?? `CODE_${code}`;
}
