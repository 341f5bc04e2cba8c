import type { TokenResponse__Output } from '@jwt-mesh/contracts';
import type { AppContext } from '../context';
import { describeExpiry } from '../duration';
import { UsageError } from '../errors';
import { decodeJwt } from '../jwt-decode';
import { promptPassword } from '../prompt';

async function readPassword(ctx: AppContext, username: string): Promise<string> {
  if (ctx.config.password !== undefined) return ctx.config.password;
  if (!ctx.io.stdin.isTTY) {
    throw new UsageError('no terminal to prompt for the password: set MESH_PASSWORD for scripts');
  }
  return promptPassword(ctx.io.stdin, ctx.io.stderr, `Password for ${username}: `);
}

/** `login <user>`: password from MESH_PASSWORD or a no-echo prompt; tokens saved 0600. */
export async function login(ctx: AppContext, username: string): Promise<void> {
  const password = await readPassword(ctx, username);
  const res = await ctx.call<TokenResponse__Output>('auth-service', (md, o, cb) =>
    ctx.mesh.auth.Login({ username, password }, md, o, cb),
  );
  ctx.saveSession({
    username,
    access_token: res.access_token,
    refresh_token: res.refresh_token,
    saved_at: ctx.now().toISOString(),
  });
  const exp = Number(decodeJwt(res.access_token).claims.exp);
  ctx.out.result(
    {
      username,
      subject: decodeJwt(res.access_token).claims.sub,
      expires_in: Number(res.expires_in),
      session_file: ctx.config.sessionFile,
    },
    [
      `Logged in as ${username} (access token ${describeExpiry(exp, ctx.now())}).`,
      `Session saved to ${ctx.config.sessionFile} (mode 0600).`,
    ],
  );
}
