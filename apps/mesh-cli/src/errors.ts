import { status } from '@grpc/grpc-js';
import { EXIT, exitCodeForStatus, type ExitCode } from './exit-codes';

/** An error the CLI raises on purpose: its message is meant for the user, `exitCode` for scripts. */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, exitCode: ExitCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad flags, arguments or item specs (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super('ERR_USAGE', EXIT.USAGE, message);
  }
}

/**
 * No session, or one that cannot be refreshed (exit 3). `prog` is how the user runs the CLI
 * (`npm run cli --`, ...), so the suggested command can be pasted as is.
 */
export class NotLoggedInError extends CliError {
  constructor(prog: string, reason = 'not logged in') {
    super('ERR_NOT_LOGGED_IN', EXIT.AUTH, `${reason}: run \`${prog} login <user>\``);
  }
}

/** The shape of a grpc-js call error, without trusting that it is one. */
export interface GrpcCallError {
  code: number;
  details: string;
}

export function isGrpcError(err: unknown): err is GrpcCallError & Error {
  return (
    err instanceof Error &&
    typeof (err as Partial<GrpcCallError>).code === 'number' &&
    typeof (err as Partial<GrpcCallError>).details === 'string'
  );
}

/** `NOT_FOUND` for 5, `UNKNOWN` for anything unexpected. */
export function statusName(code: number): string {
  const name = Object.entries(status).find(([, v]) => v === code)?.[0];
  return name ?? 'UNKNOWN';
}

export interface Failure {
  exitCode: ExitCode;
  /** Stable string: `ERR_USAGE`, `NOT_FOUND`, ... */
  code: string;
  message: string;
}

/**
 * grpc-js's own text for a failed connection repeats itself ("round_robin: No connection
 * established. Last error: No connection established. Last error: Error: connect ECONNREFUSED
 * 127.0.0.1:50052. Resolution note: "); say it once. Server-sent details pass unchanged.
 */
export function tidyUnavailable(details: string): string {
  const refused = /connect (E[A-Z]+) (\S+?)\.?(?:\s|$)/.exec(details);
  if (refused) return `cannot connect to ${refused[2]} (${refused[1]})`;
  if (/No connection established/.test(details)) return 'no connection established';
  return details;
}

/** What to tell the user and the shell about any thrown value. */
export function describeFailure(err: unknown): Failure {
  if (err instanceof CliError)
    return { exitCode: err.exitCode, code: err.code, message: err.message };
  if (isGrpcError(err)) {
    const name = statusName(err.code);
    const service = (err as { service?: unknown }).service;
    const unavailable = err.code === status.UNAVAILABLE;
    const details = unavailable ? tidyUnavailable(err.details) : err.details;
    let message = `${typeof service === 'string' ? `${service}: ` : ''}${name}: ${details || name}`;
    if (unavailable) message += ' (is the cluster running? `npm start`)';
    return { exitCode: exitCodeForStatus(err.code), code: name, message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { exitCode: EXIT.FAILURE, code: 'ERR_INTERNAL', message };
}
