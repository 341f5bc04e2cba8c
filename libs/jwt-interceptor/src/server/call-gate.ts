/**
 * Holds incoming messages and half-close while the token is being verified, then replays them in
 * order (open) or drops them (close). grpc-js buffers only one pending message itself, and a unary
 * handler runs from half-close, so nothing may overtake the metadata.
 */
export class CallGate {
  private state: 'pending' | 'open' | 'closed' = 'pending';
  private queue: Array<() => void> = [];

  /** Runs `fn` now if open, later if pending, never if closed. */
  run(fn: () => void): void {
    if (this.state === 'open') fn();
    else if (this.state === 'pending') this.queue.push(fn);
  }

  open(): void {
    if (this.state !== 'pending') return;
    this.state = 'open';
    const queued = this.queue;
    this.queue = [];
    for (const fn of queued) fn();
  }

  close(): void {
    this.state = 'closed';
    this.queue = [];
  }
}
