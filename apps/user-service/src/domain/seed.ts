import type { UserProfile } from './user';

/**
 * Parses the demo seed shared with auth-service: `{ "users": [{ id, username, display_name, email,
 * roles }] }`. Password fields (auth-service's business) are ignored. Throws a plain Error naming the
 * first bad entry: a broken seed is a startup failure, not a request error.
 */
export function parseSeed(text: string, source = 'seed'): UserProfile[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error(`${source}: not valid JSON`);
  }
  const users = (doc as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new Error(`${source}: expected { "users": [...] }`);
  const seen = new Set<string>();
  return users.map((u: unknown, i): UserProfile => {
    const at = `${source}: users[${i}]`;
    if (typeof u !== 'object' || u === null) throw new Error(`${at} must be an object`);
    const r = u as Record<string, unknown>;
    for (const f of ['id', 'username', 'display_name', 'email'] as const) {
      if (typeof r[f] !== 'string' || (r[f] as string).length === 0) {
        throw new Error(`${at}.${f} must be a non-empty string`);
      }
    }
    const roles = r.roles ?? [];
    if (!Array.isArray(roles) || !roles.every((x) => typeof x === 'string')) {
      throw new Error(`${at}.roles must be an array of strings`);
    }
    const id = r.id as string;
    if (seen.has(id)) throw new Error(`${at}.id duplicates ${id}`);
    seen.add(id);
    return {
      id,
      username: r.username as string,
      displayName: r.display_name as string,
      email: r.email as string,
      roles: roles as string[],
    };
  });
}
