import { PRINT_SCHEMA_FLAG } from './print-schema';
import {
  USAGE_EXIT_CODE,
  parseCommandLine,
  parseCommandLineOrExit,
  usage,
  type CommandLineSpec,
} from './cli-args';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const auth = { service: 'auth-service', commands: { 'rotate-keys': 'rotate the signing keys' } };
const user = { service: 'user-service' };

function run(args: string[], spec: CommandLineSpec = auth) {
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  let result: unknown;
  try {
    result = parseCommandLineOrExit(args, spec, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      exit: (c: number): never => {
        throw new Exited(c);
      },
    });
  } catch (err) {
    if (!(err instanceof Exited)) throw err;
    code = err.code;
  }
  return { stdout, stderr, code, result };
}

describe('parseCommandLine', () => {
  it.each([
    [[], undefined],
    [['rotate-keys'], 'rotate-keys'],
    [[PRINT_SCHEMA_FLAG], undefined],
    [['rotate-keys', PRINT_SCHEMA_FLAG], 'rotate-keys'],
  ])('accepts %j', (args, command) => {
    expect(parseCommandLine(args, auth)).toEqual({ kind: 'run', command });
  });

  it.each([[['-h']], [['--help']], [['rotate-keys', '--help']]])('%j asks for help', (args) => {
    expect(parseCommandLine(args, auth)).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus"'],
    [['--help=1'], 'unknown option "--help=1"'],
    [['-x', '--help'], 'unknown option "-x"'],
    [['rotate'], 'unknown command "rotate"'],
    [
      ['rotate-keys', 'rotate-keys'],
      'one command at a time, got "rotate-keys" after "rotate-keys"',
    ],
    [['\u001b[31mred'], 'unknown command "\\u001b[31mred"'],
    [['constructor'], 'unknown command "constructor"'],
  ])('refuses %j', (args, problem) => {
    expect(parseCommandLine(args, auth)).toEqual({ kind: 'error', problem });
  });

  it('a service without commands refuses any word', () => {
    expect(parseCommandLine(['rotate-keys'], user)).toEqual({
      kind: 'error',
      problem: 'unknown command "rotate-keys"',
    });
  });
});

describe('parseCommandLineOrExit', () => {
  it('prints one line and the usage on stderr and exits 2 for an unknown argument', () => {
    const r = run(['--bogus']);
    expect(r.code).toBe(USAGE_EXIT_CODE);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`auth-service: unknown option "--bogus"\n${usage(auth)}`);
  });

  it('prints the usage on stdout and exits 0 for --help', () => {
    const r = run(['--help'], user);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(usage(user));
  });

  it('returns the command otherwise, printing nothing', () => {
    expect(run(['rotate-keys'])).toEqual({
      stdout: '',
      stderr: '',
      code: undefined,
      result: { command: 'rotate-keys' },
    });
  });
});

describe('usage', () => {
  it('lists the commands and the options', () => {
    const text = usage(auth);
    expect(text.split('\n')[0]).toBe(
      'usage: main.js [rotate-keys] [--print-config-schema] [-h|--help]',
    );
    expect(text).toContain('  rotate-keys            rotate the signing keys\n');
    expect(text).toContain('  -h, --help             print this help and exit\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(usage(user)).not.toContain('commands:');
  });
});
