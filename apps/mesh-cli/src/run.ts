import type { AppContext } from './context';
import { demo } from './commands/demo';
import { help } from './commands/help';
import { login } from './commands/login';
import { logout } from './commands/logout';
import { ordersCancel, ordersCreate, ordersGet, ordersList } from './commands/orders';
import { tokenShow } from './commands/token-show';
import { whoami } from './commands/whoami';

/** Dispatches the parsed command. */
export async function runCommand(ctx: AppContext): Promise<void> {
  const c = ctx.inv.command;
  switch (c.name) {
    case 'help':
      return help(ctx);
    case 'login':
      return login(ctx, c.username);
    case 'whoami':
      return whoami(ctx);
    case 'orders create':
      return ordersCreate(ctx, c.items, c.idempotencyKey);
    case 'orders list':
      return ordersList(ctx, c);
    case 'orders get':
      return ordersGet(ctx, c.orderId);
    case 'orders cancel':
      return ordersCancel(ctx, c.orderId);
    case 'token show':
      return tokenShow(ctx);
    case 'logout':
      return logout(ctx);
    case 'demo':
      return demo(ctx);
  }
}
