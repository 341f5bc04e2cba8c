import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { healthCheck } from './health';
import { waitUntil } from './wait';

export type ServiceName = 'auth-service' | 'user-service' | 'order-service';
export type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };

export const ROOT = join(__dirname, '..', '..', '..');
export const mainOf = (app: string) => join(ROOT, 'dist', 'apps', app, 'main.js');

export interface ServiceSpec {
  service: ServiceName;
  /** A name for messages and log assertions, e.g. `order-service#2`. */
  label: string;
  env: Record<string, string>;
}

const live = new Set<ServiceProcess>();

/** Kills whatever is still running: the safety net when a test file forgets (or crashes before) teardown. */
export function killAllServices(): void {
  for (const p of live) p.kill('SIGKILL');
}
process.once('exit', killAllServices);

/**
 * One built service, spawned as `node dist/apps/<svc>/main.js` in a process group of its own, with
 * every stdout line kept (parsed when JSON) so tests can assert what it logged.
 */
export class ServiceProcess {
  readonly lines: LogLine[] = [];
  readonly output: string[] = [];
  address = '';
  port = 0;
  httpPort = 0;
  exitCode: number | null | undefined;
  private readonly proc: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(readonly spec: ServiceSpec) {
    const { PATH, HOME, TMPDIR } = process.env;
    this.proc = spawn(process.execPath, [mainOf(spec.service)], {
      cwd: ROOT,
      env: {
        PATH,
        HOME,
        TMPDIR,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        ...spec.env,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(this);
    this.exited = new Promise((resolve) =>
      this.proc.once('exit', (code) => {
        this.exitCode = code;
        live.delete(this);
        resolve();
      }),
    );
    createInterface({ input: this.proc.stdout! }).on('line', (l) => this.onLine(l));
    createInterface({ input: this.proc.stderr! }).on('line', (l) => this.output.push(l));
  }

  get label(): string {
    return this.spec.label;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  private onLine(line: string): void {
    this.output.push(line);
    if (!line.startsWith('{')) return;
    try {
      const obj = JSON.parse(line) as LogLine;
      this.lines.push(obj);
      if (obj.msg === 'listening' && typeof obj.port === 'number') {
        if (obj.transport === 'http') this.httpPort = obj.port;
        else {
          this.port = obj.port;
          this.address = String(obj.address);
        }
      }
    } catch {
      // not a log line
    }
  }

  /** Resolves when the gRPC (and, for auth, HTTP) listening lines are in and health says SERVING. */
  async ready(timeoutMs = 30_000): Promise<this> {
    const needHttp = this.spec.service === 'auth-service';
    await waitUntil(
      async () => {
        if (!this.running)
          throw new Error(
            `${this.label} exited (${this.exitCode}) before it was ready:\n${this.tail()}`,
          );
        if (!this.port || (needHttp && !this.httpPort)) return false;
        return (await healthCheck(this.address)) === 'SERVING';
      },
      { timeoutMs, what: `${this.label} SERVING`, describe: () => this.tail() },
    );
    return this;
  }

  /** Log lines carrying this request id. */
  linesFor(requestId: string): LogLine[] {
    return this.lines.filter((l) => l.requestId === requestId);
  }

  tail(n = 20): string {
    return this.output.slice(-n).join('\n');
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.running || this.proc.pid === undefined) return;
    try {
      process.kill(-this.proc.pid, signal);
    } catch {
      // already gone
    }
  }

  /** SIGTERM the group, wait for the exit; SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
