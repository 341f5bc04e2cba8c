import { parseInvocation } from './args';
import { loadConfig } from './config';
import { AppContext } from './context';
import { describeFailure } from './errors';
import { EXIT } from './exit-codes';
import { createOutput } from './output';
import { runCommand } from './run';

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  let ctx: AppContext | undefined;
  try {
    const inv = parseInvocation(argv);
    ctx = new AppContext(loadConfig(), inv, createOutput(inv.json, io.stdout, io.stderr), io);
    await runCommand(ctx);
    return EXIT.OK;
  } catch (err) {
    const failure = describeFailure(err);
    (ctx?.out ?? createOutput(json, io.stdout, io.stderr)).failure(failure);
    return failure.exitCode;
  } finally {
    ctx?.close();
  }
}

// Exit explicitly: stdout/stderr writes are synchronous for files and pipes on Linux, and an idle
// gRPC channel must not keep a finished command alive.
void main(process.argv.slice(2)).then((code) => process.exit(code));
