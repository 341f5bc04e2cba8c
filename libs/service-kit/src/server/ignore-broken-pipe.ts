const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Makes a write to a closed pipe (`node main.js | head -1`) harmless on `process.stdout` and
 * `process.stderr`: Node reports EPIPE as an 'error' event, and without a listener that event
 * kills the service. The lines are lost, which is all a closed reader can get. pino's own stdout
 * stream already ignores EPIPE; this covers direct writes (usage, schema, rotate-keys output).
 * Other errors still throw as before. Installing twice is a no-op.
 * @example
 * ignoreBrokenPipe(); // first line of main.ts
 */
export function ignoreBrokenPipe(
  streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') return;
      throw err;
    });
  }
}
