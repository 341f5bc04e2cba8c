import type { KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { KeyConfigError, RotationDisabledError } from '../../errors';
import {
  generateKey,
  isSigningAlg,
  parsePrivateKey,
  privateKeyToPem,
  toKeyMaterial,
} from './key-material';
import type { KeyMaterial, SigningAlg } from './key-material';

/** What `DATA_DIR/keys/state.json` holds. Times are ISO 8601. */
export interface KeyState {
  version: 1;
  /** `activatesAt` absent: rotated offline (CLI); the server sets it to its start + the publish delay. */
  keys: Array<{
    kid: string;
    alg: string;
    createdAt: string;
    activatesAt?: string;
    retireAt?: string;
  }>;
}

/** The persistence the ring needs (store/key-dir.ts implements it on the filesystem). */
export interface KeyPersistence {
  readState(): KeyState | undefined;
  writeState(state: KeyState): void;
  readPrivateKey(kid: string): string;
  writePrivateKey(kid: string, pem: string): void;
  deletePrivateKey(kid: string): void;
}

export interface RotationInfo {
  activeKid: string;
  nextKid: string;
  /** Milliseconds since the epoch; Infinity after an offline rotation (set when the server starts). */
  activatesAt: number;
}

export interface KeyRingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface KeyRingOptions {
  alg: SigningAlg;
  /** Lifetime of the access tokens the keys sign: a superseded key stays published this long. */
  tokenTtlSeconds: number;
  /** Time between publishing a new key and signing with it (≥ the downstream JWKS refresh interval). */
  publishDelaySeconds: number;
  now: () => number;
  logger?: KeyRingLogger;
  /**
   * The CLI rotating while the server is stopped: a new key gets no activation time yet, because
   * nobody can fetch it before the server starts again (which then adds the publish delay).
   */
  offline?: boolean;
}

/**
 * The signing keys and their timeline (auth-service README, rotation): the key with the latest
 * `activatesAt` in the past signs; every key whose `retireAt` is still ahead is published.
 */
export interface KeyRing {
  /** The key that signs now. */
  signingKey(): KeyMaterial;
  /** Public JWKs published now (never private members). */
  publicJwks(): { keys: JWK[] };
  /** The published public key with this kid, for the service's own verification. */
  publicKey(kid: string): { key: KeyObject; alg: SigningAlg } | undefined;
  /** Algorithms of the published keys. */
  algorithms(): SigningAlg[];
  /** Publishes a new key now that signs after the publish delay; idempotent while one is pending. */
  rotate(): Promise<RotationInfo>;
  /** Rotates when the signing key has signed for `intervalSeconds` and nothing is pending. */
  rotateIfDue(intervalSeconds: number): Promise<RotationInfo | undefined>;
  /** Changes whenever the published set changes (cheap to poll). */
  version(): string;
  readonly rotatable: boolean;
}

/** Clock skew allowance added after the last token a superseded key signed has expired. */
export const RETIRE_SKEW_SECONDS = 60;

interface Entry {
  material: KeyMaterial;
  createdAt: number;
  activatesAt: number;
  retireAt?: number;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function time(v: string | undefined, what: string): number {
  const t = v === undefined ? NaN : Date.parse(v);
  if (!Number.isFinite(t)) throw new KeyConfigError(`key state: ${what} is not a date`);
  return t;
}

abstract class BaseRing {
  protected entries: Entry[] = [];
  constructor(protected readonly o: KeyRingOptions) {}

  protected live(): Entry[] {
    const t = this.o.now();
    return this.entries.filter((e) => e.retireAt === undefined || e.retireAt > t);
  }
  signingKey(): KeyMaterial {
    const t = this.o.now();
    let best = this.entries[0];
    for (const e of this.entries)
      if (e.activatesAt <= t && e.activatesAt >= best.activatesAt) best = e;
    return best.material;
  }
  publicJwks() {
    return { keys: this.live().map((e) => ({ ...e.material.publicJwk })) };
  }
  publicKey(kid: string) {
    const e = this.live().find((x) => x.material.kid === kid);
    return e && { key: e.material.publicKey, alg: e.material.alg };
  }
  algorithms(): SigningAlg[] {
    return [...new Set(this.live().map((e) => e.material.alg))];
  }
  version(): string {
    return this.live()
      .map((e) => e.material.kid)
      .join(',');
  }
}

/** One operator-supplied key: published and signing forever, never written anywhere. */
class StaticRing extends BaseRing implements KeyRing {
  readonly rotatable = false;
  constructor(material: KeyMaterial, o: KeyRingOptions) {
    super(o);
    this.entries = [{ material, createdAt: 0, activatesAt: 0 }];
  }
  async rotate(): Promise<RotationInfo> {
    throw new RotationDisabledError();
  }
  async rotateIfDue(): Promise<undefined> {
    return undefined;
  }
}

class PersistedRing extends BaseRing implements KeyRing {
  readonly rotatable = true;
  constructor(
    private readonly store: KeyPersistence,
    o: KeyRingOptions,
  ) {
    super(o);
  }

  async load(): Promise<void> {
    const state = this.store.readState();
    if (state && state.version !== 1) throw new KeyConfigError('key state: unsupported version');
    for (const k of state?.keys ?? []) {
      if (!isSigningAlg(k.alg)) throw new KeyConfigError(`key state: unsupported alg ${k.alg}`);
      const material = await toKeyMaterial(
        parsePrivateKey(this.store.readPrivateKey(k.kid)),
        k.alg,
      );
      if (material.kid !== k.kid)
        throw new KeyConfigError(`key state: ${k.kid} does not match its key file`);
      const retireAt = k.retireAt === undefined ? undefined : time(k.retireAt, 'retireAt');
      const activatesAt =
        k.activatesAt === undefined ? Infinity : time(k.activatesAt, 'activatesAt');
      this.entries.push({
        material,
        createdAt: time(k.createdAt, 'createdAt'),
        activatesAt,
        retireAt,
      });
    }
    this.entries.sort((a, b) => a.activatesAt - b.activatesAt);
    const unpublished = this.entries.filter((e) => e.activatesAt === Infinity);
    if (!this.o.offline && unpublished.length > 0) {
      // Published from now on, so it may sign only after the full publish delay from now.
      for (const e of unpublished) e.activatesAt = this.o.now() + this.o.publishDelaySeconds * 1000;
      this.o.logger?.info(
        { kids: unpublished.map((e) => e.material.kid) },
        'offline-rotated key published',
      );
      this.extendRetirements();
      this.save();
    }
    this.extendRetirements();
    this.prune();
    if (this.entries.length === 0) {
      await this.add(this.o.now());
      this.o.logger?.info({ kid: this.signingKey().kid, alg: this.o.alg }, 'signing key generated');
    } else if (this.newest().material.alg !== this.o.alg) {
      // JWT_ALG changed: introduce a key of the new algorithm on the normal timeline.
      const r = await this.rotate();
      this.o.logger?.warn(
        { ...r, alg: this.o.alg },
        'JWT_ALG differs from the current key; rotation started',
      );
    }
  }

  private newest(): Entry {
    return this.entries[this.entries.length - 1];
  }

  // A superseded key stays published until tokens it signed have expired, under the current TTL
  // too (a longer TTL after a restart must not retire a key early).
  private extendRetirements(): void {
    for (let i = 0; i + 1 < this.entries.length; i++) {
      const next = this.entries[i + 1].activatesAt;
      if (!Number.isFinite(next)) continue;
      const due = next + (this.o.tokenTtlSeconds + RETIRE_SKEW_SECONDS) * 1000;
      const e = this.entries[i];
      e.retireAt = Math.max(e.retireAt ?? 0, due);
    }
  }

  private prune(): boolean {
    const t = this.o.now();
    const gone = this.entries.filter((e) => e.retireAt !== undefined && e.retireAt <= t);
    if (gone.length === 0) return false;
    this.entries = this.entries.filter((e) => !gone.includes(e));
    this.save();
    for (const e of gone) {
      this.store.deletePrivateKey(e.material.kid);
      this.o.logger?.info({ kid: e.material.kid }, 'signing key retired');
    }
    return true;
  }

  private save(): void {
    this.store.writeState({
      version: 1,
      keys: this.entries.map((e) => ({
        kid: e.material.kid,
        alg: e.material.alg,
        createdAt: iso(e.createdAt),
        ...(Number.isFinite(e.activatesAt) ? { activatesAt: iso(e.activatesAt) } : {}),
        ...(e.retireAt === undefined ? {} : { retireAt: iso(e.retireAt) }),
      })),
    });
  }

  private async add(activatesAt: number): Promise<Entry> {
    const material = await toKeyMaterial(generateKey(this.o.alg), this.o.alg);
    // The key file first, then the state that names it.
    this.store.writePrivateKey(material.kid, privateKeyToPem(material.privateKey));
    const entry: Entry = { material, createdAt: this.o.now(), activatesAt };
    this.entries.push(entry);
    this.extendRetirements();
    this.save();
    return entry;
  }

  override publicJwks() {
    this.prune();
    return super.publicJwks();
  }

  async rotate(): Promise<RotationInfo> {
    this.prune();
    const t = this.o.now();
    const active = this.signingKey();
    const pending = this.newest();
    if (pending.activatesAt > t) {
      return {
        activeKid: active.kid,
        nextKid: pending.material.kid,
        activatesAt: pending.activatesAt,
      };
    }
    const next = await this.add(this.o.offline ? Infinity : t + this.o.publishDelaySeconds * 1000);
    const when = Number.isFinite(next.activatesAt)
      ? iso(next.activatesAt)
      : 'publish delay after the next start';
    this.o.logger?.info(
      { activeKid: active.kid, nextKid: next.material.kid, activatesAt: when },
      'key rotation started',
    );
    return { activeKid: active.kid, nextKid: next.material.kid, activatesAt: next.activatesAt };
  }

  async rotateIfDue(intervalSeconds: number): Promise<RotationInfo | undefined> {
    const newest = this.newest();
    if (intervalSeconds <= 0 || newest.activatesAt + intervalSeconds * 1000 > this.o.now())
      return undefined;
    return this.rotate();
  }
}

/**
 * Opens the generated keys in `store` (creating the first one on first start).
 * @example
 * const ring = await openKeyRing(openKeyDir('.data/auth-service/keys'), { alg: 'ES256', ... });
 */
export async function openKeyRing(store: KeyPersistence, o: KeyRingOptions): Promise<KeyRing> {
  const ring = new PersistedRing(store, o);
  await ring.load();
  return ring;
}

/** A ring of one operator-supplied private key (PEM or JWK text); rotation is disabled. */
export async function staticKeyRing(keyText: string, o: KeyRingOptions): Promise<KeyRing> {
  return new StaticRing(await toKeyMaterial(parsePrivateKey(keyText), o.alg), o);
}
