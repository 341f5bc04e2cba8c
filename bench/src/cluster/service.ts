import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { sleep } from '../common/proc';
import { stopProcess, track } from './processes';

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** Extra fields of the ready line(s), e.g. auth-service's HTTP port. */
  readonly info: Record<string, unknown>;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Where stdout (the service's JSON log) goes: a file, or /dev/null. */
  logFile: string;
  nodeArgs?: string[];
  /** Lines to wait for: bench entries print `bench-listening` on stderr; auth-service logs to stdout. */
  ready: 'bench-entry' | 'auth-service';
  timeoutMs?: number;
}

/** Starts a service process and waits until it listens (bounded); kills it if it does not. */
export async function spawnService(o: SpawnOptions): Promise<ServiceProcess> {
  const out = openSync(o.logFile, 'a');
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), o.script], {
    env: { PATH: process.env.PATH ?? '', ...o.env },
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  track(child, o.name);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr += d;
    if (stderr.length > 65536) stderr = stderr.slice(-32768);
  });
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      const found = o.ready === 'bench-entry' ? fromBenchEntry(stderr) : fromAuthLog(o.logFile);
      if (found) {
        return {
          name: o.name,
          child,
          pid: child.pid!,
          port: found.port,
          info: found,
          stop: (graceMs) => stopProcess(child, graceMs),
        };
      }
      await sleep(25);
    }
    throw new Error('did not listen in time');
  } catch (err) {
    await stopProcess(child, 500);
    throw new Error(`${o.name}: ${(err as Error).message}\n${stderr.slice(-2000)}`);
  }
}

function fromBenchEntry(stderr: string): { port: number } | undefined {
  for (const line of stderr.split('\n')) {
    if (!line.includes('"bench-listening"')) continue;
    return JSON.parse(line) as { port: number };
  }
  return undefined;
}

/** auth-service logs two `listening` lines: gRPC, and HTTP (with `transport: "http"`). */
function fromAuthLog(file: string): { port: number; httpPort: number } | undefined {
  let grpcPort: number | undefined;
  let httpPort: number | undefined;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    if (!line.includes('"listening"')) continue;
    const l = JSON.parse(line) as { port: number; transport?: string };
    if (l.transport === 'http') httpPort = l.port;
    else grpcPort = l.port;
  }
  return grpcPort !== undefined && httpPort !== undefined
    ? { port: grpcPort, httpPort }
    : undefined;
}
