import {
  createRemoteKeySet,
  loadStaticKeySetFromFile,
  type AuthLogger,
  type KeySet,
} from '@jwt-mesh/jwt-interceptor';
import type { KeySource } from '../config/key-source';

/**
 * Opens the key set a KeySource names: a static file is read now (a bad file throws at startup), a
 * JWKS URL starts loading in the background. The caller owns it and calls `close()`.
 * @example
 * const keys = openKeySet(config.keySource, config.JWT_ALGORITHMS, logger);
 */
export function openKeySet(
  source: KeySource,
  algorithms: readonly string[],
  logger?: AuthLogger,
): KeySet {
  return source.kind === 'file'
    ? loadStaticKeySetFromFile(source.path, algorithms)
    : createRemoteKeySet({ url: source.url, algorithms, logger });
}
