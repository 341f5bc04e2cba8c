import { status } from '@grpc/grpc-js';

/** The process exit codes of mesh-cli; scripts switch on them. */
export const EXIT = Object.freeze({
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND: 4,
  UNAVAILABLE: 5,
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit code for a gRPC status code. INVALID_ARGUMENT counts as bad usage: the server refused
 * what the user typed (an SKU, a quantity), which the user fixes the same way as a bad flag.
 */
export function exitCodeForStatus(code: number): ExitCode {
  switch (code) {
    case status.OK:
      return EXIT.OK;
    case status.INVALID_ARGUMENT:
      return EXIT.USAGE;
    case status.UNAUTHENTICATED:
    case status.PERMISSION_DENIED:
      return EXIT.AUTH;
    case status.NOT_FOUND:
      return EXIT.NOT_FOUND;
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
      return EXIT.UNAVAILABLE;
    default:
      return EXIT.FAILURE;
  }
}
