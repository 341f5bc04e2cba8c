import type { AppContext } from '../context';
import { CliError, describeFailure } from '../errors';

/**
 * `logout`: revokes the refresh token's family at the auth service and deletes the session file.
 * The file goes even when the auth service cannot be reached (the error is still reported, with its
 * exit code, and says the file is gone), because a person who logs out expects no token left on disk.
 */
export async function logout(ctx: AppContext): Promise<void> {
  const s = ctx.session;
  if (!s) {
    ctx.out.result({ logged_out: false, reason: 'not logged in' }, ['Not logged in.']);
    return;
  }
  try {
    await ctx.call('auth-service', (md, o, cb) =>
      ctx.mesh.auth.Logout({ refresh_token: s.refresh_token }, md, o, cb),
    );
  } catch (err) {
    ctx.clearSession();
    const f = describeFailure(err);
    throw new CliError(
      f.code,
      f.exitCode,
      `${f.message}\n` +
        `Logged out ${s.username} locally anyway: ${ctx.config.sessionFile} deleted. ` +
        'The auth service did not confirm that the refresh token was revoked.',
    );
  }
  ctx.clearSession();
  ctx.out.result({ logged_out: true, username: s.username }, [
    `Logged out ${s.username}: refresh token revoked, ${ctx.config.sessionFile} deleted.`,
    'Access tokens already issued stay valid until they expire (that is what makes them verifiable offline).',
  ]);
}
