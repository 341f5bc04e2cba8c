// mesh-cli against services that never answer or are not there: every command must end with an
// error message and a non-zero exit code, never the silent exit 0 a very short MESH_DEADLINE_MS used
// to give. No cluster needed: a TCP server that accepts and never speaks stands in for a hung service.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './harness';

let dir: string;
let silent: Server;
let silentAddr: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-cli-no-answer-'));
  silent = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const addr = silent.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  silentAddr = `127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh session file with a well-formed (unverifiable) token, so commands reach the network. */
function sessionFile(): string {
  const file = join(dir, `session-${++n}.json`);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = `${b64({ alg: 'ES256', typ: 'at+jwt' })}.${b64({ sub: 'usr_alice' })}.c2ln`;
  writeFileSync(
    file,
    JSON.stringify({
      username: 'alice',
      access_token: token,
      refresh_token: 'rt-1',
      saved_at: new Date().toISOString(),
    }),
    { mode: 0o600 },
  );
  return file;
}

const AUTHED: readonly (readonly string[])[] = [
  ['whoami'],
  ['orders', 'list'],
  ['orders', 'get', 'ord-1'],
  ['orders', 'cancel', 'ord-1'],
  ['orders', 'create', '--item', 'SKU-1:1:100'],
];

describe.each([1, 5, 10])('MESH_DEADLINE_MS=%i against a service that never answers', (ms) => {
  const env = () => ({
    MESH_AUTH_ADDR: silentAddr,
    MESH_USER_ADDR: silentAddr,
    MESH_ORDER_ADDR: silentAddr,
    MESH_SESSION_FILE: sessionFile(),
    MESH_DEADLINE_MS: String(ms),
  });

  it.each(AUTHED.map((argv) => [argv.join(' '), argv]))(
    '%s exits 5 with DEADLINE_EXCEEDED, in text and in --json',
    async (_name, argv) => {
      const text = await runCli(argv as string[], env());
      expect(text).toMatchObject({ code: 5, stdout: '' });
      expect(text.stderr).toMatch(/^error: (user|order)-service: DEADLINE_EXCEEDED/);

      const json = await runCli([...(argv as string[]), '--json'], env());
      expect(json).toMatchObject({ code: 5, stdout: '' });
      expect(JSON.parse(json.stderr)).toMatchObject({
        error: { code: 'DEADLINE_EXCEEDED', exit_code: 5 },
      });
    },
  );

  it('logout exits 5 and says the session file was deleted anyway', async () => {
    const e = env();
    const r = await runCli(['logout'], e);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: auth-service: DEADLINE_EXCEEDED/);
    expect(r.stderr).toContain(`${e.MESH_SESSION_FILE} deleted`);
    expect(existsSync(e.MESH_SESSION_FILE)).toBe(false);
  });
});

describe('messages name the CLI the way it was run', () => {
  it('suggests `npm run cli --` under the npm script, else the node command', async () => {
    const env = { MESH_SESSION_FILE: join(dir, 'none.json') };
    const npm = await runCli(['whoami'], { ...env, npm_lifecycle_event: 'cli' });
    expect(npm).toMatchObject({ code: 3 });
    expect(npm.stderr).toContain('run `npm run cli -- login <user>`');

    const plain = await runCli(['frobnicate'], env);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/\(try `node \S*dist\/apps\/mesh-cli\/main\.js help`\)/);
  });

  it('logout with auth-service down still deletes the session file and says so', async () => {
    const file = sessionFile();
    const r = await runCli(['logout'], { MESH_AUTH_ADDR: '127.0.0.1:1', MESH_SESSION_FILE: file });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/auth-service: UNAVAILABLE/);
    expect(r.stderr).toContain(`Logged out alice locally anyway: ${file} deleted.`);
    expect(existsSync(file)).toBe(false);
  });
});
