import { spawn } from 'node:child_process';
import { mainOf } from './service-process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built mesh-cli with a clean environment plus `env`; never through a shell. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<CliResult> {
  const { PATH, HOME } = process.env;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [mainOf('mesh-cli'), ...args], {
      env: { PATH, HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
