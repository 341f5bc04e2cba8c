import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICES = ['auth-service', 'user-service', 'order-service'] as const;

export type LogLine = Record<string, unknown>;

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN = new Set([
  'time',
  'level',
  'pid',
  'hostname',
  'service',
  'requestId',
  'msg',
  'rpc',
  'code',
  'grpcCode',
  'durationMs',
  'sub',
]);

/** The JSON lines of `<dir>/<service>.log` (as `npm start` writes them) that carry `requestId`. */
export function linesForRequest(
  dir: string,
  service: string,
  requestId: string,
): LogLine[] | undefined {
  const file = join(dir, `${service}.log`);
  if (!existsSync(file)) return undefined;
  const out: LogLine[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw.includes(requestId)) continue;
    try {
      const line = JSON.parse(raw) as LogLine;
      if (line.requestId === requestId) out.push(line);
    } catch {
      // a line cut in half by a concurrent write; the next read will see it whole
    }
  }
  return out;
}

/**
 * The log files of one service in `dir`: `<service>.log`, then replicas' `<service>-2.log`, ...
 * (the names `npm start` and `npm run start:replicas` use).
 */
export function logFilesOf(dir: string, service: string): string[] {
  if (!existsSync(dir)) return [];
  const re = new RegExp(`^${service}(-\\d+)?\\.log$`);
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((f) => f.slice(0, -'.log'.length));
}

/** `19:20:01.123 INFO  rpc finished  OrderService/CreateOrder  OK  12ms  sub=usr_alice` */
export function formatLogLine(l: LogLine): string {
  const time =
    typeof l.time === 'string'
      ? l.time.slice(11, 23)
      : typeof l.time === 'number'
        ? new Date(l.time).toISOString().slice(11, 23)
        : '';
  const level = (LEVELS[Number(l.level)] ?? String(l.level ?? '')).padEnd(5);
  const parts = [time, level, String(l.msg ?? '')];
  if (typeof l.rpc === 'string') parts.push(l.rpc.replace(/^\/mesh\.\w+\.v\d+\./, ''));
  if (l.code !== undefined) parts.push(String(l.code));
  if (l.durationMs !== undefined) parts.push(`${l.durationMs}ms`);
  if (l.sub !== undefined) parts.push(`sub=${String(l.sub)}`);
  for (const [k, v] of Object.entries(l)) {
    if (!HIDDEN.has(k)) parts.push(`${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  return parts.join('  ');
}
