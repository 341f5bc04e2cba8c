import type { Failure } from './errors';

export interface Sink {
  write(text: string): unknown;
}

/**
 * Human text by default, one JSON document with `--json`. Results go to stdout; failures and
 * narration meant for people go to stderr, so `--json` output stays parseable.
 */
export interface Output {
  readonly json: boolean;
  /** Whether a result or a failure has been printed: every run must end with one of them. */
  readonly reported: boolean;
  /** Prints the command's result: `human` lines, or `data` as JSON. */
  result(data: unknown, human: readonly string[]): void;
  /** A human line that is not the result (progress, hints). Silent with --json. */
  note(line: string): void;
  failure(f: Failure): void;
}

export function createOutput(json: boolean, stdout: Sink, stderr: Sink): Output {
  let reported = false;
  return {
    json,
    get reported() {
      return reported;
    },
    result(data, human) {
      reported = true;
      if (json) stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else if (human.length) stdout.write(`${human.join('\n')}\n`);
    },
    note(line) {
      if (!json) stdout.write(`${line}\n`);
    },
    failure(f) {
      reported = true;
      if (json) {
        stderr.write(
          `${JSON.stringify({ error: { code: f.code, message: f.message, exit_code: f.exitCode } })}\n`,
        );
      } else {
        stderr.write(`error: ${f.message}\n`);
      }
    },
  };
}

/** Aligned `key  value` lines. */
export function table(rows: ReadonlyArray<readonly [string, string]>, indent = ''): string[] {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`);
}
