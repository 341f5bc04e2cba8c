import type { AppContext } from '../context';
import { ENV_VARS } from '../config';
import { EXIT } from '../exit-codes';

/** The help text; `prog` is how the user runs the CLI (`npm run cli --`, `node …/main.js`). */
export const usage = (prog: string): string[] => [
  'mesh-cli — drive the jwt-mesh cluster',
  '',
  `Usage: ${prog} <command> [flags]`,
  '',
  'Commands:',
  '  login <user>                      log in (password: prompt without echo, or MESH_PASSWORD)',
  '  whoami                            your profile, from user-service',
  '  orders create --item SKU:QTY:CENTS [--item ...] [--idempotency-key K]',
  '  orders list [--page-size N] [--page-token T] [--user-id ID]',
  '  orders get <id>',
  '  orders cancel <id>',
  '  token show                        decoded header and claims (signature NOT checked)',
  '  logout                            revoke the refresh token, delete the session file',
  '  demo                              narrated tour against a running cluster (npm start)',
  '',
  'Global flags:',
  '  --json                            machine-readable output on stdout (errors as JSON on stderr)',
  '  --request-id ID                   x-request-id to send (default: a fresh UUID per run)',
  '  --auth-addr / --user-addr / --order-addr HOST:PORT',
  '',
  'Environment:',
  ...Object.entries(ENV_VARS).map(([k, v]) => `  ${k.padEnd(20)} ${v}`),
  '',
  'Exit codes:',
  `  ${EXIT.OK} ok · ${EXIT.FAILURE} other failure · ${EXIT.USAGE} bad usage / invalid argument · ${EXIT.AUTH} not authenticated or not allowed`,
  `  ${EXIT.NOT_FOUND} not found · ${EXIT.UNAVAILABLE} service unavailable or deadline exceeded`,
];

export function help(ctx: AppContext): void {
  const lines = usage(ctx.config.programName);
  ctx.out.result({ usage: lines }, lines);
}
