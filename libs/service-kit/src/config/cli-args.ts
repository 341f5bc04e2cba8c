import type { ExitDeps } from './exit-on-invalid';
import { PRINT_SCHEMA_FLAG } from './print-schema';

/** Exit code for a command line the service does not understand (the same as bad configuration). */
export const USAGE_EXIT_CODE = 2;

/** What a service accepts on its command line; configuration itself comes from the environment. */
export interface CommandLineSpec {
  /** The service name, first word of the error line. */
  service: string;
  /** Subcommands (at most one per run) and what each does. */
  commands?: Readonly<Record<string, string>>;
}

export interface CommandLine {
  /** The subcommand given, if any. */
  command: string | undefined;
}

export type ParsedCommandLine =
  | { kind: 'run'; command: string | undefined }
  | { kind: 'help' }
  | { kind: 'error'; problem: string };

/** `--print-config-schema` is handled later by printSchemaAndExitIfAsked; here it is only allowed. */
const FLAGS: ReadonlyArray<readonly [string, string]> = [
  [PRINT_SCHEMA_FLAG, 'print the configuration variables as JSON and exit'],
  ['-h, --help', 'print this help and exit'],
];

/**
 * Usage text, ending in a newline.
 * @example
 * usage({ service: 'user-service' }); // 'usage: main.js [--print-config-schema] [-h|--help]\n...'
 */
export function usage(spec: CommandLineSpec): string {
  const commands = Object.entries(spec.commands ?? {});
  const synopsis = [
    ...(commands.length > 0 ? [`[${commands.map(([name]) => name).join('|')}]`] : []),
    `[${PRINT_SCHEMA_FLAG}]`,
    '[-h|--help]',
  ].join(' ');
  const rows = [...commands, ...FLAGS];
  const width = Math.max(...rows.map(([name]) => name.length));
  const row = ([name, text]: readonly [string, string]) => `  ${name.padEnd(width)}  ${text}\n`;
  return (
    `usage: main.js ${synopsis}\n` +
    `Without a command, starts ${spec.service}; configuration comes from environment variables.\n` +
    (commands.length > 0 ? `commands:\n${commands.map(row).join('')}` : '') +
    `options:\n${FLAGS.map(row).join('')}`
  );
}

/**
 * Reads the arguments after `node main.js`. Anything not known is a problem; a problem wins over
 * `--help`, so a mistyped command line is never half obeyed.
 * @example
 * parseCommandLine(['--bogus'], { service: 'user-service' }); // { kind: 'error', problem: 'unknown option "--bogus"' }
 */
export function parseCommandLine(
  args: readonly string[],
  spec: CommandLineSpec,
): ParsedCommandLine {
  const commands = spec.commands ?? {};
  let command: string | undefined;
  let help = false;
  for (const arg of args) {
    // JSON.stringify quotes the argument and escapes control characters it may carry.
    const shown = JSON.stringify(arg);
    if (arg === '-h' || arg === '--help') help = true;
    else if (arg === PRINT_SCHEMA_FLAG) continue;
    else if (arg.startsWith('-')) return { kind: 'error', problem: `unknown option ${shown}` };
    else if (!Object.hasOwn(commands, arg))
      return { kind: 'error', problem: `unknown command ${shown}` };
    else if (command !== undefined)
      return { kind: 'error', problem: `one command at a time, got ${shown} after "${command}"` };
    else command = arg;
  }
  return help ? { kind: 'help' } : { kind: 'run', command };
}

/**
 * The first thing a service main does, before it reads configuration or binds a port: `-h`/`--help`
 * prints usage on stdout and exits 0; an unknown argument prints one line and the usage on stderr
 * and exits {@link USAGE_EXIT_CODE}. Otherwise returns the subcommand, if any.
 * @example
 * const { command } = parseCommandLineOrExit(process.argv.slice(2), { service: 'auth-service', commands: { 'rotate-keys': '...' } });
 */
export function parseCommandLineOrExit(
  args: readonly string[],
  spec: CommandLineSpec,
  deps: ExitDeps & { stdout?: { write(text: string): unknown } } = {},
): CommandLine {
  const parsed = parseCommandLine(args, spec);
  const exit = deps.exit ?? process.exit;
  if (parsed.kind === 'help') {
    (deps.stdout ?? process.stdout).write(usage(spec));
    return exit(0);
  }
  if (parsed.kind === 'error') {
    (deps.stderr ?? process.stderr).write(`${spec.service}: ${parsed.problem}\n${usage(spec)}`);
    return exit(USAGE_EXIT_CODE);
  }
  return { command: parsed.command };
}
