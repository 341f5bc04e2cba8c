import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from './errors';

/** Everything the CLI takes from the environment. This file is its only reader (lint enforces it). */
export interface CliConfig {
  readonly authAddr: string;
  readonly userAddr: string;
  readonly orderAddr: string;
  /** Where login keeps the access + refresh token (mode 0600 in a 0700 dir). */
  readonly sessionFile: string;
  /** For scripts; a person is prompted on the TTY instead. Never accepted as an argument. */
  readonly password: string | undefined;
  /** The password `demo` logs in with as alice and bob. */
  readonly demoPassword: string | undefined;
  /** Where `npm start` writes each service's JSON log (`<service>.log`), read by `demo`. */
  readonly logDir: string;
  /** Deadline of every call. */
  readonly deadlineMs: number;
  /** How the user runs the CLI, for messages that suggest a command: `npm run cli --`, ... */
  readonly programName: string;
}

export const ENV_VARS = Object.freeze({
  MESH_AUTH_ADDR: 'auth-service address [127.0.0.1:50051]',
  MESH_USER_ADDR: 'user-service address [127.0.0.1:50052]',
  MESH_ORDER_ADDR: 'order-service address [127.0.0.1:50053]',
  MESH_SESSION_FILE:
    'session file [$XDG_CONFIG_HOME/jwt-mesh/session.json or ~/.config/jwt-mesh/session.json]',
  MESH_PASSWORD: 'password for `login` in scripts (otherwise prompted without echo)',
  MESH_DEMO_PASSWORD:
    'password `demo` uses for both alice and bob [<user>-password, as in the demo seed]',
  MESH_LOG_DIR: 'service logs written by `npm start`, read by `demo` [.data/logs]',
  MESH_DEADLINE_MS: 'deadline of each call in milliseconds [5000]',
  MESH_CLI_NAME:
    'how messages name this CLI [npm run cli -- under npm, else node <path to main.js>]',
});

/**
 * The command a user typed to run the CLI, so hints like "run `… login <user>`" can be pasted:
 * `npm run cli --` under the npm script (npm sets npm_lifecycle_event), else `node <main.js>`
 * relative to the working directory. MESH_CLI_NAME overrides both (a wrapper script, an alias).
 * @example
 * programName({ npm_lifecycle_event: 'cli' }, '/repo/dist/apps/mesh-cli/main.js', '/repo') // 'npm run cli --'
 */
export function programName(
  env: NodeJS.ProcessEnv,
  script: string | undefined,
  cwd: string,
): string {
  if (env.MESH_CLI_NAME) return env.MESH_CLI_NAME;
  if (env.npm_lifecycle_event === 'cli') return 'npm run cli --';
  if (!script) return 'mesh-cli';
  const rel = relative(cwd, script);
  const path = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : script;
  return `node ${/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`}`;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  script: string | undefined = process.argv[1],
  cwd: string = process.cwd(),
): CliConfig {
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  const deadline = env.MESH_DEADLINE_MS ?? '5000';
  if (!/^\d+$/.test(deadline) || Number(deadline) < 1) {
    throw new UsageError(
      `MESH_DEADLINE_MS must be a positive integer (milliseconds), got ${deadline}`,
    );
  }
  return Object.freeze({
    authAddr: env.MESH_AUTH_ADDR || '127.0.0.1:50051',
    userAddr: env.MESH_USER_ADDR || '127.0.0.1:50052',
    orderAddr: env.MESH_ORDER_ADDR || '127.0.0.1:50053',
    sessionFile: env.MESH_SESSION_FILE || join(configHome, 'jwt-mesh', 'session.json'),
    password: env.MESH_PASSWORD || undefined,
    demoPassword: env.MESH_DEMO_PASSWORD || undefined,
    logDir: env.MESH_LOG_DIR || join('.data', 'logs'),
    deadlineMs: Number(deadline),
    programName: programName(env, script, cwd),
  });
}
