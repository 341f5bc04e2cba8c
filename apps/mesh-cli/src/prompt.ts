import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { Sink } from './output';

/**
 * Reads a password from a TTY without echoing it. Raw mode hands us keystrokes one by one:
 * Enter ends, Backspace deletes, Ctrl-C / Ctrl-D abort.
 */
export function promptPassword(
  stdin: NodeJS.ReadStream,
  stderr: Sink,
  label = 'Password: ',
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    stderr.write(label);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004')
          return finish(new CliError('ERR_ABORTED', EXIT.FAILURE, 'aborted'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
