import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  /** 1-minute load average when the bench started and ended (other work on the machine). */
  loadAvgStart: number;
  loadAvgEnd?: number;
  commit: string;
  libraries: Record<string, string>;
}

const LIBS = [
  '@grpc/grpc-js',
  '@grpc/proto-loader',
  'jose',
  'fast-jwt',
  'pino',
  'better-sqlite3',
  'esbuild',
  'typescript',
];

export function machineInfo(repoRoot: string): MachineInfo {
  const version = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      return 'unknown';
    }
  };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    loadAvgStart: loadavg()[0]!,
    commit,
    libraries: Object.fromEntries(LIBS.map((l) => [l, version(l)])),
  };
}
