import type { Principal } from '../principal/principal';
import { Lru } from '../util/lru';

interface Entry {
  readonly principal: Principal;
  readonly expMs: number;
  readonly nbfMs: number;
}

/**
 * Verified tokens by their exact string. A hit skips the signature check but re-checks time: an
 * entry is dropped once `now` reaches the token's `exp` (so it never outlives the token, ignoring
 * clock tolerance), or when `now` moved before `nbf` minus tolerance.
 */
export class VerifiedTokenCache {
  private readonly lru: Lru<string, Entry>;

  constructor(max: number) {
    this.lru = new Lru(max);
  }

  get(token: string, nowMs: number, toleranceMs: number): Principal | undefined {
    const entry = this.lru.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expMs || nowMs < entry.nbfMs - toleranceMs) {
      this.lru.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(
    token: string,
    principal: Principal,
    expSeconds: number,
    nbfSeconds: number | undefined,
  ): void {
    this.lru.set(token, { principal, expMs: expSeconds * 1000, nbfMs: (nbfSeconds ?? 0) * 1000 });
  }
}
