import { loadConfig, programName } from './config';
import { UsageError } from './errors';

describe('loadConfig', () => {
  it('has local defaults and puts the session under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(loadConfig({ HOME: '/home/u' }, '/repo/dist/apps/mesh-cli/main.js', '/repo')).toEqual({
      authAddr: '127.0.0.1:50051',
      userAddr: '127.0.0.1:50052',
      orderAddr: '127.0.0.1:50053',
      sessionFile: '/home/u/.config/jwt-mesh/session.json',
      password: undefined,
      demoPassword: undefined,
      logDir: '.data/logs',
      deadlineMs: 5000,
      programName: 'node dist/apps/mesh-cli/main.js',
    });
    expect(loadConfig({ HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' }).sessionFile).toBe(
      '/cfg/jwt-mesh/session.json',
    );
    expect(
      loadConfig({ MESH_SESSION_FILE: '/tmp/s.json', XDG_CONFIG_HOME: '/cfg' }).sessionFile,
    ).toBe('/tmp/s.json');
  });

  it('takes addresses, password and deadline from the environment', () => {
    const c = loadConfig({
      HOME: '/h',
      MESH_ORDER_ADDR: '127.0.0.1:1,127.0.0.1:2',
      MESH_PASSWORD: 'pw',
      MESH_DEADLINE_MS: '250',
    });
    expect(c).toMatchObject({
      orderAddr: '127.0.0.1:1,127.0.0.1:2',
      password: 'pw',
      deadlineMs: 250,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('refuses a deadline that is not a positive integer', () => {
    expect(() => loadConfig({ HOME: '/h', MESH_DEADLINE_MS: '1.5' })).toThrow(UsageError);
    expect(() => loadConfig({ HOME: '/h', MESH_DEADLINE_MS: '0' })).toThrow(UsageError);
  });

  it('names the CLI the way the user ran it', () => {
    const main = '/repo/dist/apps/mesh-cli/main.js';
    expect(programName({ npm_lifecycle_event: 'cli' }, main, '/repo')).toBe('npm run cli --');
    expect(programName({}, main, '/repo')).toBe('node dist/apps/mesh-cli/main.js');
    expect(programName({}, main, '/elsewhere')).toBe(`node ${main}`);
    expect(programName({}, '/my dir/main.js', '/tmp')).toBe(`node '/my dir/main.js'`);
    expect(programName({ npm_lifecycle_event: 'start' }, main, '/repo')).toBe(
      'node dist/apps/mesh-cli/main.js',
    );
    expect(programName({ MESH_CLI_NAME: 'mesh', npm_lifecycle_event: 'cli' }, main, '/repo')).toBe(
      'mesh',
    );
  });
});
