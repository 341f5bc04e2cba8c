const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/** `843` → `14m 3s`, `120` → `2m`, `0` → `0s`: the two largest non-zero units. */
export function formatSeconds(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(' ') : '0s';
}

/** Expiry in human terms: `expires in 14m 3s` or `expired 2m ago`. */
export function describeExpiry(expSeconds: number, now: Date): string {
  const delta = expSeconds - Math.floor(now.getTime() / 1000);
  return delta > 0 ? `expires in ${formatSeconds(delta)}` : `expired ${formatSeconds(-delta)} ago`;
}

/** `issued 3m ago` style, for iat/nbf. */
export function describePast(epochSeconds: number, now: Date): string {
  const delta = Math.floor(now.getTime() / 1000) - epochSeconds;
  return delta >= 0 ? `${formatSeconds(delta)} ago` : `in ${formatSeconds(-delta)}`;
}
