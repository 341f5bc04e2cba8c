import { exitWhenDone, runCli } from './cli';
import { createOutput } from './output';

const argv = process.argv.slice(2);
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

// Exit explicitly: stdout/stderr writes are synchronous for files and pipes on Linux, and an idle
// gRPC channel must not keep a finished command alive. exitWhenDone also turns a run that never
// settles (the event loop drained under it) into exit 1 with a message, never a silent 0.
exitWhenDone(process, runCli(argv, io), (f) =>
  createOutput(argv.includes('--json'), io.stdout, io.stderr).failure(f),
);
