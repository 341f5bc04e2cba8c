import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestKeys, type TestKeys } from './test-keys';

/** A JWKS file of fresh test keys in a temp folder of its own; `remove()` deletes the folder. */
export interface TestKeyFile {
  readonly file: string;
  readonly dir: string;
  readonly keys: TestKeys;
  remove(): void;
}

/**
 * Writes the public JWKS of `createTestKeys(alg)` to a temp file, for code that reads a
 * JWT_PUBLIC_KEYS_FILE.
 *
 * @example
 * ```ts
 * const keyFile = createTestKeyFile();
 * afterAll(() => keyFile.remove());
 * parseOrderConfig({ JWT_PUBLIC_KEYS_FILE: keyFile.file });
 * ```
 */
export function createTestKeyFile(alg = 'ES256'): TestKeyFile {
  const dir = mkdtempSync(join(tmpdir(), 'test-keys-'));
  const keys = createTestKeys(alg);
  const file = join(dir, 'jwks.json');
  writeFileSync(file, JSON.stringify(keys.jwks));
  return { file, dir, keys, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
