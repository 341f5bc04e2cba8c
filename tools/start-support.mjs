// Helpers of tools/start-cluster.mjs: port checks, gRPC health polling, per-service log files and
// readable terminal lines. Plain Node ESM (no build step), using only the workspace's dependencies.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');

/** Resolves to an error message when `port` cannot be bound on `host`, else undefined. */
export function checkPortFree(host, port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (err) => resolve(err.code === 'EADDRINUSE' ? 'in use' : err.message));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(undefined)));
  });
}

/**
 * One grpc.health.v1 Check on the server's overall health ('' service). The request is empty and the
 * response is `status` (field 1, varint), so the two messages are encoded by hand: no .proto needed.
 * Resolves to 'SERVING', 'NOT_SERVING', 'UNKNOWN' or the failure's status name.
 */
export function healthCheck(address, timeoutMs = 1000) {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      () => Buffer.alloc(0),
      (buf) => buf,
      {},
      new grpc.Metadata(),
      { deadline: Date.now() + timeoutMs },
      (err, buf) => {
        client.close();
        if (err) return resolve(grpc.status[err.code] ?? 'UNKNOWN');
        const value = buf.length >= 2 && buf[0] === 0x08 ? buf[1] : 0;
        resolve(['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'][value] ?? 'UNKNOWN');
      },
    );
  });
}

/** Polls until `check()` is truthy, every `intervalMs`, giving up after `timeoutMs` (resolves false). */
export async function pollUntil(check, { timeoutMs, intervalMs = 250, stopped = () => false }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopped()) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/** GET `url`; true on HTTP 200. */
export async function httpOk(url, timeoutMs = 1000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Appends each label's raw JSON lines to `<dir>/<label>.log` (the files `mesh-cli demo` reads). */
export function createLogFiles(dir) {
  mkdirSync(dir, { recursive: true });
  const streams = new Map();
  return {
    append(label, line) {
      let s = streams.get(label);
      if (!s) {
        s = createWriteStream(join(dir, `${label}.log`), { flags: 'a', mode: 0o600 });
        streams.set(label, s);
      }
      s.write(`${line}\n`);
    },
    close: () => Promise.all([...streams.values()].map((s) => new Promise((r) => s.end(r)))),
  };
}

const COLORS = [36, 35, 33, 32, 34, 31];
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export const stripAnsi = (s) => s.replace(ANSI, '');

/**
 * Formats lines for the terminal: pino-pretty's prettyFactory on a TTY, the JSON line unchanged
 * otherwise (so `npm start | jq` and log shippers still get JSON).
 */
export function createDisplay({ tty, labels }) {
  const width = Math.max(...labels.map((l) => l.length));
  const color = (i, s) => (tty ? `\u001b[${COLORS[i % COLORS.length]}m${s}\u001b[0m` : s);
  const prefix = new Map(labels.map((l, i) => [l, color(i, l.padEnd(width))]));
  let pretty;
  if (tty) {
    const { prettyFactory } = require('pino-pretty');
    pretty = prettyFactory({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service',
      singleLine: true,
    });
  }
  return {
    json(label, line, obj) {
      return pretty ? `${prefix.get(label) ?? label} ${pretty(obj).trimEnd()}` : line;
    },
    text(label, line) {
      return `${prefix.get(label) ?? label} ${line}`;
    },
    dim: (s) => (tty ? `\u001b[2m${s}\u001b[0m` : s),
    bold: (s) => (tty ? `\u001b[1m${s}\u001b[0m` : s),
  };
}

/** Whether any process of group `pid` is alive. */
export const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Sends `sig` to the whole process group `pid`, if it still exists. */
export const signalGroup = (pid, sig) => {
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
};

/** Whether process `pid` is alive. */
export const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Sends `sig` to process `pid`, if it still exists. */
export const signalPid = (pid, sig) => {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
};

/** Every process below `pid`, from one `ps` snapshot (Linux and macOS). */
export function descendantsOf(pid) {
  let rows;
  try {
    rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
  } catch {
    return [];
  }
  const out = [];
  const ownGroup = rows.find(([p]) => p === pid)?.[2];
  const parents = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp, pg] of rows) {
      if (parents.has(pp) && !parents.has(p)) {
        parents.add(p);
        // Children left in our own group (this very `ps`) are not ours to signal.
        if (pg !== ownGroup) out.push({ pid: p, pgid: pg });
        grew = true;
      }
    }
  }
  return out;
}
