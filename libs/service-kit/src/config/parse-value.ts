import type { VarSpec } from './schema-types';

export type Parsed = { ok: true; value: unknown } | { ok: false; why: string };

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);
const INT = /^[+-]?\d+$/;

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (why: string): Parsed => ({ ok: false, why });

/**
 * Parses one raw (present, non-empty) value. `why` never contains the value itself: the caller
 * decides whether the value may be shown (secrets may not).
 */
export function parseValue(spec: VarSpec, raw: string): Parsed {
  switch (spec.type) {
    case 'string':
    case 'path':
      return ok(raw);
    case 'url':
      return parseUrl(raw, spec.protocols ?? ['http:', 'https:']);
    case 'int':
      return parseInt(raw.trim(), spec.min, spec.max);
    case 'port':
      return parseInt(raw.trim(), 0, 65535, 'a port (0..65535, 0 = any)');
    case 'enum': {
      const v = raw.trim();
      return spec.values.includes(v) ? ok(v) : bad(`must be one of ${spec.values.join('|')}`);
    }
    case 'list': {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return items.length > 0 ? ok(Object.freeze(items)) : bad('must list at least one value');
    }
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (TRUE.has(v)) return ok(true);
      if (FALSE.has(v)) return ok(false);
      return bad('must be true or false');
    }
  }
}

function parseInt(raw: string, min?: number, max?: number, what?: string): Parsed {
  const range =
    what ??
    (min !== undefined && max !== undefined
      ? `an integer between ${min} and ${max}`
      : min !== undefined
        ? `an integer >= ${min}`
        : max !== undefined
          ? `an integer <= ${max}`
          : 'an integer');
  if (!INT.test(raw)) return bad(`must be ${range}`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) return bad(`must be ${range}`);
  if ((min !== undefined && n < min) || (max !== undefined && n > max))
    return bad(`must be ${range}`);
  return ok(n);
}

function parseUrl(raw: string, protocols: readonly string[]): Parsed {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return bad('must be an absolute URL');
  }
  if (!protocols.includes(url.protocol))
    return bad(`must be a URL with scheme ${protocols.map((p) => p.replace(/:$/, '')).join('|')}`);
  // Credentials in a URL end up in logs and process listings; configure them some other way.
  if (url.username !== '' || url.password !== '') return bad('must not contain credentials');
  return ok(raw.trim());
}
