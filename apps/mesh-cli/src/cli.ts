import { parseInvocation } from './args';
import { loadConfig, type CliConfig } from './config';
import { AppContext, type Io } from './context';
import { CliError, describeFailure, type Failure } from './errors';
import { EXIT } from './exit-codes';
import { createOutput } from './output';
import { runCommand } from './run';

/** The failure of a run that ended without printing a result or an error: always a bug of ours. */
export const NO_RESULT: Failure = Object.freeze({
  exitCode: EXIT.FAILURE,
  code: 'ERR_INTERNAL',
  message: 'internal error: command ended without a result',
});

export interface CliDeps {
  config?: () => CliConfig;
  dispatch?: (ctx: AppContext) => Promise<void>;
}

/**
 * Runs one invocation and resolves to its exit code, having printed exactly one result or failure.
 * @example
 * const code = await runCli(['whoami', '--json'], { stdout, stderr, stdin });
 */
export async function runCli(argv: readonly string[], io: Io, deps: CliDeps = {}): Promise<number> {
  const { config = () => loadConfig(), dispatch = runCommand } = deps;
  const fallbackOut = () => createOutput(argv.includes('--json'), io.stdout, io.stderr);
  let ctx: AppContext | undefined;
  try {
    const cfg = config();
    const inv = parseInvocation(argv, cfg.programName);
    ctx = new AppContext(cfg, inv, createOutput(inv.json, io.stdout, io.stderr), io);
    await dispatch(ctx);
    if (!ctx.out.reported)
      throw new CliError(NO_RESULT.code, NO_RESULT.exitCode, NO_RESULT.message);
    return EXIT.OK;
  } catch (err) {
    const failure = describeFailure(err);
    (ctx?.out ?? fallbackOut()).failure(failure);
    return failure.exitCode;
  } finally {
    ctx?.close();
  }
}

/** The part of `process` that `exitWhenDone` uses (a fake in tests). */
export interface ExitingProcess {
  once(event: 'beforeExit', listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * Exits with the run's code as soon as it settles. If the event loop drains first (a promise that
 * can never settle: nothing left to wake it), exits 1 with NO_RESULT instead of Node's silent 0.
 */
export function exitWhenDone(
  proc: ExitingProcess,
  run: Promise<number>,
  report: (f: Failure) => void,
): void {
  let settled = false;
  const end = (code: number) => {
    settled = true;
    proc.exit(code);
  };
  proc.once('beforeExit', () => {
    if (settled) return;
    report(NO_RESULT);
    end(NO_RESULT.exitCode);
  });
  run.then(end, (err: unknown) => {
    const f = describeFailure(err);
    report(f);
    end(f.exitCode === EXIT.OK ? EXIT.FAILURE : f.exitCode);
  });
}
