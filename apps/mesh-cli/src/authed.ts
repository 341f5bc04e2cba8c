import { status } from '@grpc/grpc-js';
import type { TokenResponse__Output } from '@jwt-mesh/contracts';
import type { AppContext } from './context';
import { NotLoggedInError, isGrpcError } from './errors';

/**
 * Runs `fn` with the saved session. On UNAUTHENTICATED (typically an expired access token) it
 * spends the refresh token once, saves the new pair, and retries once. UNAUTHENTICATED means the
 * handler never ran, so the retry cannot duplicate a write.
 */
export async function withSession<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  const session = ctx.requireSession();
  try {
    return await fn();
  } catch (err) {
    if (!isGrpcError(err) || err.code !== status.UNAUTHENTICATED || !session.refresh_token)
      throw err;
  }
  await refreshSession(ctx);
  return fn();
}

export async function refreshSession(ctx: AppContext): Promise<void> {
  const session = ctx.requireSession();
  let res;
  try {
    res = await ctx.call<TokenResponse__Output>('auth-service', (md, o, cb) =>
      ctx.mesh.auth.Refresh({ refresh_token: session.refresh_token }, md, o, cb),
    );
  } catch (err) {
    if (
      isGrpcError(err) &&
      (err.code === status.UNAUTHENTICATED || err.code === status.INVALID_ARGUMENT)
    ) {
      throw new NotLoggedInError(
        ctx.config.programName,
        'session expired and the refresh token was refused',
      );
    }
    throw err;
  }
  ctx.out.note(`(access token refreshed for ${session.username})`);
  ctx.saveSession({
    username: session.username,
    access_token: res.access_token,
    refresh_token: res.refresh_token,
    saved_at: ctx.now().toISOString(),
  });
}
