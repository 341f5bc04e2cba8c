import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { InvalidTokenError } from '../errors/auth-error';
import { algorithmsForKey, checkAlgorithms } from './algorithms';
import { importJwk, importJwks } from './jwk-import';
import { type KeyEntry, type KeySet, type KeyRequest, selectKey } from './key-set';

/**
 * Options of {@link createStaticKeySet}: at least one of `jwks`, `pem`, `jwk`.
 *
 * @example
 * ```ts
 * const opts: StaticKeySetOptions = { jwks: readFileSync(path, 'utf8'), algorithms: ['ES256'] };
 * ```
 */
export interface StaticKeySetOptions {
  /** A JWKS object or its JSON text. */
  jwks?: string | object;
  /** One or more PEM public keys (SPKI) or certificates. Private keys are refused. */
  pem?: string;
  /** One public JWK. */
  jwk?: object;
  /** The algorithms these keys may verify; a key that fits none is refused. */
  algorithms: readonly string[];
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

function pemEntries(pem: string, allowed: readonly string[]): KeyEntry[] {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) throw new TypeError('pem: no PEM block found');
  return blocks.map(([block, label]) => {
    if (label?.includes('PRIVATE')) {
      throw new TypeError('pem: holds a private key; give the verifier only public keys');
    }
    let key: KeyObject;
    try {
      key = createPublicKey(block);
    } catch {
      throw new TypeError(`pem: cannot read the ${label} block as a public key`);
    }
    const algorithms = algorithmsForKey(key).filter((a) => allowed.includes(a));
    if (algorithms.length === 0) throw new TypeError('pem: the key fits none of the algorithms');
    return Object.freeze({ kid: undefined, alg: undefined, algorithms, key });
  });
}

/** Builds a key set that never changes and never touches the network. */
function fromEntries(entries: readonly KeyEntry[]): KeySet {
  return {
    ready: () => Promise.resolve(true),
    close: () => undefined,
    stats: () => ({ keys: entries.length, fetches: 0, fetchFailures: 0, loaded: true }),
    getKey(req: KeyRequest): Promise<KeyObject> {
      try {
        const key = selectKey(entries, req);
        return key
          ? Promise.resolve(key)
          : Promise.reject(new InvalidTokenError('ERR_JWKS_NO_MATCHING_KEY'));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}

/**
 * A fixed key set for zero-callback setups (no network). Bad input throws a `TypeError` naming the
 * option now, not at the first request: a JWK with private members, `use` other than `sig`, an
 * algorithm outside `algorithms`, an RSA key under 2048 bits.
 *
 * @example
 * ```ts
 * const keys = createStaticKeySet({ pem: publicKeyPem, algorithms: ['ES256'] });
 * ```
 */
export function createStaticKeySet(opts: StaticKeySetOptions): KeySet {
  if (!opts || typeof opts !== 'object') throw new TypeError('options: must be an object');
  const allowed = checkAlgorithms(opts.algorithms);
  const entries: KeyEntry[] = [];
  if (opts.jwks !== undefined) {
    let doc: unknown = opts.jwks;
    if (typeof doc === 'string') {
      try {
        doc = JSON.parse(doc);
      } catch {
        throw new TypeError('jwks: is not valid JSON');
      }
    }
    let imported;
    try {
      imported = importJwks(doc, allowed);
    } catch (err) {
      throw new TypeError(`jwks: ${(err as Error).message}`);
    }
    if (imported.skipped.length > 0) {
      throw new TypeError(`jwks: unusable key(s): ${imported.skipped.join('; ')}`);
    }
    entries.push(...imported.entries);
  }
  if (opts.jwk !== undefined) {
    const r = importJwk(opts.jwk, allowed);
    if ('skipped' in r) throw new TypeError(`jwk: unusable key: ${r.skipped}`);
    entries.push(r.entry);
  }
  if (opts.pem !== undefined) {
    if (typeof opts.pem !== 'string') throw new TypeError('pem: must be a string');
    entries.push(...pemEntries(opts.pem, allowed));
  }
  if (entries.length === 0) throw new TypeError('jwks, jwk or pem: give at least one public key');
  return fromEntries(Object.freeze(entries));
}

/** The largest key file `loadStaticKeySetFromFile` reads (a JWKS of 100 RSA keys is ~50 KiB). */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * Reads a PEM, JWK or JWKS file once, synchronously, at start-up.
 *
 * @example
 * ```ts
 * const keys = loadStaticKeySetFromFile(config.JWT_PUBLIC_KEYS_FILE, ['ES256']);
 * ```
 */
export function loadStaticKeySetFromFile(path: string, algorithms: readonly string[]): KeySet {
  if (typeof path !== 'string' || path.length === 0)
    throw new TypeError('path: must be a file path');
  let text: string;
  try {
    // A key set is a few KiB; refuse anything else before reading (a device, a fifo, a huge file).
    const st = statSync(path);
    if (!st.isFile()) throw new TypeError(`path: ${path} is not a regular file`);
    if (st.size > MAX_KEY_FILE_BYTES)
      throw new TypeError(`path: ${path} is larger than ${MAX_KEY_FILE_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof TypeError) throw err;
    throw new TypeError(
      `path: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (text.trimStart().startsWith('-----BEGIN'))
    return createStaticKeySet({ pem: text, algorithms });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new TypeError(`path: ${path} is neither PEM nor JSON`);
  }
  const isJwks = !!doc && typeof doc === 'object' && 'keys' in doc;
  return createStaticKeySet(
    isJwks ? { jwks: doc as object, algorithms } : { jwk: doc as object, algorithms },
  );
}
