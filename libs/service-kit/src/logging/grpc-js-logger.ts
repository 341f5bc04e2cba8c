import * as grpc from '@grpc/grpc-js';
import type pino from 'pino';
import { REDACTED } from './redaction';

type Level = 'error' | 'warn' | 'debug';

// grpc-js keeps one logger per module instance (there is one copy in this workspace): installing
// ours once is enough, and later calls only change which pino logger receives the lines.
let target: pino.Logger | undefined;
let installed = false;

/**
 * Sends grpc-js's own log output through `logger` instead of its default `console.error`, scrubbed:
 * grpc-js writes raw header values (a whole bearer token when the header holds an illegal byte)
 * where pino redaction never sees them. grpc ERROR becomes pino `error`, INFO `warn`, DEBUG `debug`
 * (so LOG_LEVEL, not GRPC_VERBOSITY, decides what is kept); refused metadata is `warn`, as any client
 * can trigger it. Installs once per process; `startGrpcServer` calls it with the service's logger.
 * @example
 * routeGrpcJsLogs(logger); // e.g. in a process that only runs grpc-js clients
 */
export function routeGrpcJsLogs(logger: pino.Logger): void {
  target = logger;
  if (installed) return;
  installed = true;
  grpc.setLogger({
    error: (...args: unknown[]) => forward('error', args),
    info: (...args: unknown[]) => forward('warn', args),
    debug: (...args: unknown[]) => forward('debug', args),
  });
  grpc.setLogVerbosity(grpc.logVerbosity.DEBUG);
}

function forward(level: Level, args: unknown[]): void {
  // grpc-js calls this from inside request handling (Metadata.fromHttp2Headers); a throw here
  // would take the process down, and nothing here may fall back to printing the raw text.
  try {
    const log = target;
    if (!log || !log.isLevelEnabled(level)) return;
    const text = scrubGrpcJsText(args.map(textOf).join(' '));
    log[METADATA_ENTRY.test(text) ? 'warn' : level]({ text }, 'grpc-js');
  } catch {
    // drop the line
  }
}

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return arg.message;
  try {
    return String(arg);
  } catch {
    return '[unprintable]';
  }
}

// "Failed to add metadata entry <key>: <values>. <error naming the value again>. For more ..."
const METADATA_ENTRY = /^Failed to add metadata entry ([^\s:]*)/;
// Second line of defence for any other message (e.g. GRPC_TRACE's "received headers {...}"):
// anything JWT-shaped (base64url of `{"` starts "eyJ"), three long base64url segments, or the
// credential after an HTTP auth scheme, up to the next separator (illegal bytes included).
const JWT_LIKE = /eyJ[^\s"',;[\]{}]*/g;
const JWS_LIKE = /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g;
const SCHEME_CREDENTIAL = /\b(bearer|basic)\b[^A-Za-z0-9"',;[\]{}]{1,8}[^\s"',;[\]{}]+/gi;

/**
 * What grpc-js's text becomes before it is logged: a refused metadata entry keeps only its key, and
 * JWTs and bearer/basic credentials anywhere are replaced by `[Redacted]`.
 * @example
 * scrubGrpcJsText('Failed to add metadata entry authorization: Bearer\u00a0eyJ…');
 * // 'Failed to add metadata entry authorization (value withheld)'
 */
export function scrubGrpcJsText(text: string): string {
  const entry = METADATA_ENTRY.exec(text);
  if (entry) {
    const key = (entry[1] ?? '').replace(/[^0-9a-z_.-]/g, '?').slice(0, 64);
    return scrubCredentials(`Failed to add metadata entry ${key} (value withheld)`);
  }
  return scrubCredentials(text);
}

function scrubCredentials(text: string): string {
  return text
    .replace(SCHEME_CREDENTIAL, `$1 ${REDACTED}`)
    .replace(JWT_LIKE, REDACTED)
    .replace(JWS_LIKE, REDACTED);
}
