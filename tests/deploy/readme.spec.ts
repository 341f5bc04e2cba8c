// The README must stay true: every variable a service reads is listed in its table, with its default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SERVICES, loadSchema } from './config-schema';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of the table under `### <service>` in the README's Configuration section. */
function readmeRows(service: string): Map<string, string> {
  const config = readme.slice(readme.indexOf('## Configuration'));
  const start = config.indexOf(`### ${service}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const section = config.slice(start).split(/\n### /)[0];
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*([^|]*)\|/.exec(line);
    if (m) rows.set(m[1], m[2].trim());
  }
  return rows;
}

describe.each(SERVICES)('README configuration of %s', (service) => {
  const schema = loadSchema(service);
  const rows = readmeRows(service);

  it('lists every variable the service reads, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(schema).sort());
  });

  it('gives each variable its real default', () => {
    for (const [name, spec] of Object.entries(schema)) {
      const d = spec.default;
      if (d === undefined || d === '' || (Array.isArray(d) && d.length === 0)) continue;
      const shown = Array.isArray(d) ? d.join(',') : String(d);
      expect(`${name}=${rows.get(name)}`).toBe(`${name}=\`${shown}\``);
    }
  });
});
