import { withSession } from '../authed';
import type { User__Output } from '@jwt-mesh/contracts';
import type { AppContext } from '../context';
import { table } from '../output';

/** `whoami`: UserService.GetMe with the saved token. */
export async function whoami(ctx: AppContext): Promise<void> {
  const me = await withSession(ctx, () =>
    ctx.call<User__Output>('user-service', (md, o, cb) => ctx.mesh.user.GetMe({}, md, o, cb)),
  );
  ctx.out.result(
    me,
    table([
      ['id', me.id],
      ['username', me.username],
      ['name', me.display_name],
      ['email', me.email],
      ['roles', me.roles.join(', ')],
    ]),
  );
}
