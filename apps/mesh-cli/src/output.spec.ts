import { createOutput } from './output';

const sinks = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
};

describe('output', () => {
  it('prints human lines, or JSON with --json (notes are for people only)', () => {
    const h = sinks();
    const human = createOutput(false, h.stdout, h.stderr);
    human.note('working');
    human.result({ a: 1 }, ['A is 1']);
    expect(h.out.join('')).toBe('working\nA is 1\n');

    const j = sinks();
    const json = createOutput(true, j.stdout, j.stderr);
    json.note('working');
    json.result({ a: 1 }, ['A is 1']);
    expect(JSON.parse(j.out.join(''))).toEqual({ a: 1 });
  });

  it('reports failures on stderr, as JSON with --json', () => {
    const j = sinks();
    createOutput(true, j.stdout, j.stderr).failure({
      exitCode: 4,
      code: 'NOT_FOUND',
      message: 'order-service: NOT_FOUND: x',
    });
    expect(j.out).toEqual([]);
    expect(JSON.parse(j.err.join(''))).toEqual({
      error: { code: 'NOT_FOUND', message: 'order-service: NOT_FOUND: x', exit_code: 4 },
    });
    const h = sinks();
    createOutput(false, h.stdout, h.stderr).failure({
      exitCode: 2,
      code: 'ERR_USAGE',
      message: 'bad',
    });
    expect(h.err.join('')).toBe('error: bad\n');
  });
});
