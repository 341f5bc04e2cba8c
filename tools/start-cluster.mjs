#!/usr/bin/env node
// `npm start` / `npm run start:replicas`: build, run auth-, user- and order-service with
// `nx run-many -t serve` (continuous targets), keep each service's JSON log in .data/logs/<name>.log,
// show readable lines, print one line when every service answers SERVING on grpc.health.v1, and stop
// every process (whole process groups, no orphans) on Ctrl-C / SIGTERM.
//
//   node tools/start-cluster.mjs              auth 50051 (+ HTTP 8080), user 50052, order 50053
//   node tools/start-cluster.mjs --replicas   + user-service 50062 (own DATA_DIR, same seed) and
//                                             order-service 50063 (same orders.db); both order replicas
//                                             call both user replicas round-robin
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  checkPortFree,
  createDisplay,
  createLogFiles,
  descendantsOf,
  groupAlive,
  healthCheck,
  pidAlive,
  httpOk,
  pollUntil,
  signalGroup,
  signalPid,
  stripAnsi,
} from './start-support.mjs';

const root = new URL('..', import.meta.url).pathname;
const USAGE = `Usage: npm start [-- --replicas]   (or: npm run start:replicas, node tools/start-cluster.mjs)

Builds auth-, user- and order-service and the CLI (nx, cached), runs the three services with
nx run-many -t serve and prints one line when all answer SERVING. Ctrl-C, SIGTERM or SIGHUP
stops them all; a second Ctrl-C kills at once.

Options:
  --replicas   also run user-service-2 (:50062) and order-service-2 (:50063)
  -h, --help   this text

Ports: auth 50051 (JWKS HTTP 8080), user 50052, order 50053 (what the CLI expects).
Every environment variable except GRPC_PORT, HTTP_PORT, DATA_DIR and JWT_PUBLIC_KEYS_FILE
(set per service by the layout) reaches every service, e.g.:
  ACCESS_TOKEN_TTL_SECONDS=60 LOG_LEVEL=debug npm start
`;
let flags;
try {
  ({ values: flags } = parseArgs({
    options: { replicas: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (err) {
  process.stderr.write(`start-cluster: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const HOST = '127.0.0.1';
const JWKS_URL = `http://${HOST}:8080/.well-known/jwks.json`;
const SERVICES = ['auth-service', 'user-service', 'order-service'];
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const NX_FORWARD_MS = 2_000;
const nx = join(root, 'node_modules/.bin/nx');

// One entry per process. The first replica of each service runs under nx; extra replicas are
// spawned here with node (nx runs one instance of a target per project).
const layout = [
  { label: 'auth-service', service: 'auth-service', port: 50051 },
  { label: 'user-service', service: 'user-service', port: 50052 },
  { label: 'order-service', service: 'order-service', port: 50053 },
];
if (flags.replicas) {
  layout.push(
    {
      label: 'user-service-2',
      service: 'user-service',
      port: 50062,
      env: { DATA_DIR: '.data/user-service-2' },
      after: 'user-service',
    },
    // Same DATA_DIR as the first replica: both share .data/order-service/orders.db (SQLite WAL).
    {
      label: 'order-service-2',
      service: 'order-service',
      port: 50063,
      env: { DATA_DIR: '.data/order-service' },
      after: 'order-service',
    },
  );
}
const addrs = (service) =>
  layout.filter((p) => p.service === service).map((p) => `${HOST}:${p.port}`);

// The layout fixes ports and data dirs; inherited values would make the three services collide.
const baseEnv = { ...process.env, HOST, LOG_FORMAT: 'json', JWKS_URL, FORCE_COLOR: '0' };
for (const k of ['GRPC_PORT', 'HTTP_PORT', 'DATA_DIR', 'JWT_PUBLIC_KEYS_FILE']) delete baseEnv[k];
if (flags.replicas) baseEnv.USER_SERVICE_ADDR = addrs('user-service').join(',');

const display = createDisplay({
  tty: process.stdout.isTTY === true,
  labels: layout.map((p) => p.label),
});
const logs = createLogFiles(join(root, '.data/logs'));
const children = []; // { name, proc }
// Service pids from their "listening" lines (pid -> label): still reachable if nx dies and they
// are re-parented. `shuttingDown` holds the labels that logged "shutting down" (got their SIGTERM).
const servicePids = new Map();
const shuttingDown = new Set();
const listening = new Map(); // label -> { address, http? }
let stopping = false;

// A closed terminal or pipe (`npm start | head`) must not crash us before we stop the services.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

function fail(message) {
  process.stderr.write(`${display.bold('✖')} ${message}\n`);
}

async function checkPorts() {
  const wanted = [...layout.map((p) => [p.port, p.label]), [8080, 'auth-service (JWKS HTTP)']];
  for (const [port, who] of wanted) {
    const problem = await checkPortFree(HOST, port);
    if (problem) {
      fail(
        `cannot start: ${HOST}:${port} for ${who} is ${problem}. Is another cluster (npm start) running?` +
          ` Stop it, or find the owner with: ss -ltnp 'sport = :${port}'`,
      );
      process.exit(1);
    }
  }
}

async function build() {
  const projects = [...SERVICES, 'mesh-cli'].join(',');
  const proc = spawn(nx, ['run-many', '-t', 'build', '-p', projects, '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
  });
  const [code] = await once(proc, 'exit');
  if (code !== 0) {
    fail(`build failed (nx run-many -t build -p ${projects} exited ${code})`);
    process.exit(1);
  }
}

function onLine(label, raw) {
  const line = stripAnsi(raw);
  if (line.trim() === '') return;
  if (line.startsWith('{')) {
    let obj;
    try {
      obj = JSON.parse(line);
    } catch {
      obj = undefined;
    }
    if (obj) {
      logs.append(label, line);
      if (obj.msg === 'listening') {
        listening.set(obj.transport === 'http' ? `${label}#http` : label, obj.address);
        if (Number.isInteger(obj.pid) && obj.pid > 1) servicePids.set(obj.pid, label);
      }
      if (obj.msg === 'shutting down') shuttingDown.add(label);
      process.stdout.write(`${display.json(label, line, obj)}\n`);
      return;
    }
  }
  process.stdout.write(`${display.text(label, display.dim(line))}\n`);
}

// nx prefixes each task's lines with "<project>: "; everything else is nx's own chatter.
function readNxOutput(stream) {
  const prefix = new RegExp(`^(${SERVICES.join('|')}): ?(.*)$`);
  createInterface({ input: stream }).on('line', (raw) => {
    const m = prefix.exec(stripAnsi(raw));
    if (m) onLine(m[1], m[2]);
    else if (stripAnsi(raw).trim()) process.stdout.write(`${display.dim(stripAnsi(raw))}\n`);
  });
}

function watchExit(name, proc) {
  children.push({ name, proc });
  proc.on('exit', (code, signal) => {
    if (stopping) return;
    fail(
      `${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the cluster. See the lines above.`,
    );
    void stop(1);
  });
}

function startNx() {
  const proc = spawn(
    nx,
    ['run-many', '-t', 'serve', '-p', SERVICES.join(','), '--outputStyle=stream'],
    {
      cwd: root,
      env: baseEnv,
      detached: true, // its own process group: we signal the group, which holds every service
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  readNxOutput(proc.stdout);
  readNxOutput(proc.stderr);
  watchExit('nx run-many -t serve', proc);
}

function startReplica(p) {
  const proc = spawn(process.execPath, [join('dist/apps', p.service, 'main.js')], {
    cwd: root,
    env: { ...baseEnv, ...p.env, GRPC_PORT: String(p.port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [proc.stdout, proc.stderr])
    createInterface({ input: s }).on('line', (l) => onLine(p.label, l));
  watchExit(p.label, proc);
}

let groups = new Set();
const pids = () => [...servicePids.keys()];

async function stop(code) {
  if (stopping) {
    // A second Ctrl-C: the user is not waiting for graceful shutdowns.
    for (const g of groups) signalGroup(g, 'SIGKILL');
    for (const p of pids()) signalPid(p, 'SIGKILL');
    return;
  }
  stopping = true;
  process.stdout.write(`${display.dim('stopping the cluster…')}\n`);
  // Every service must get exactly ONE SIGTERM: a second one means "exit now, skip the drain".
  // Replicas are our own children (one process per group). The nx services run in sessions of
  // their own (a pty each), outside nx's group, and nx forwards our SIGTERM to them; only a service
  // that has not logged "shutting down" after NX_FORWARD_MS (nx died first) is signalled directly.
  groups = new Set(children.map(({ proc }) => proc.pid));
  for (const g of groups) signalGroup(g, 'SIGTERM');
  const allSignalled = await pollUntil(() => servicePids.size === shuttingDown.size, {
    timeoutMs: NX_FORWARD_MS,
    intervalMs: 50,
  });
  if (!allSignalled) {
    for (const [pid, label] of servicePids) if (!shuttingDown.has(label)) signalPid(pid, 'SIGTERM');
  }
  for (const d of descendantsOf(process.pid)) groups.add(d.pgid);
  groups.delete(process.pid);
  const allGone = () =>
    [...groups].every((g) => !groupAlive(g)) && pids().every((p) => !pidAlive(p));
  if (!(await pollUntil(allGone, { timeoutMs: STOP_TIMEOUT_MS, intervalMs: 100 }))) {
    fail(`some processes ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000}s: sending SIGKILL`);
    for (const g of groups) signalGroup(g, 'SIGKILL');
    for (const p of pids()) signalPid(p, 'SIGKILL');
    await pollUntil(allGone, { timeoutMs: 3000, intervalMs: 100 });
  }
  await logs.close();
  process.stdout.write(`${code === 0 ? '✔ cluster stopped' : 'cluster stopped'}\n`);
  process.exit(code);
}

async function waitReady() {
  const started = new Set(['auth-service', 'user-service', 'order-service']);
  const pending = () => layout.filter((p) => !p.ready);
  const ok = await pollUntil(
    async () => {
      for (const p of layout) {
        if (!started.has(p.label) && listening.has(p.after)) {
          started.add(p.label);
          startReplica(p); // after its first replica listens: schema setup of a shared DB is not raced
        }
      }
      await Promise.all(
        pending()
          .filter((p) => started.has(p.label))
          .map(async (p) => {
            p.ready = (await healthCheck(`${HOST}:${p.port}`)) === 'SERVING';
          }),
      );
      return pending().length === 0 && (await httpOk(JWKS_URL));
    },
    { timeoutMs: READY_TIMEOUT_MS, stopped: () => stopping },
  );
  if (stopping) return;
  if (!ok) {
    const names =
      pending()
        .map((p) => p.label)
        .join(', ') || `JWKS at ${JWKS_URL}`;
    fail(
      `not ready after ${READY_TIMEOUT_MS / 1000}s: ${names} did not report SERVING on grpc.health.v1`,
    );
    return stop(1);
  }
  const list = (s) => addrs(s).join(', ');
  const tryCmd = flags.replicas
    ? `MESH_ORDER_ADDR=${addrs('order-service').join(',')} npm run cli -- demo`
    : 'npm run cli -- demo';
  process.stdout.write(
    `${display.bold(`✔ jwt-mesh cluster ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`)} — auth ${list('auth-service')} (JWKS ${JWKS_URL})` +
      ` · user ${list('user-service')} · order ${list('order-service')} — try: ${tryCmd}\n` +
      `${display.dim(`  logs: .data/logs/<service>.log · data: .data/ · Ctrl-C stops everything${flags.replicas ? ' · orders.db shared by both order replicas, order → user round-robin' : ''}`)}\n`,
  );
}

// `npm start` runs us under `sh -c`; if someone kills npm or the shell, we are re-parented and must
// not leave a cluster behind.
function stopWhenOrphaned() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 1000).unref();
}

const t0 = Date.now();
stopWhenOrphaned();
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
await checkPorts();
await build();
if (!stopping) {
  startNx();
  await waitReady();
}
