import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { parseItem, type ItemInput } from './items';

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'login'; username: string }
  | { name: 'whoami' }
  | { name: 'orders create'; items: ItemInput[]; idempotencyKey?: string }
  | { name: 'orders list'; pageSize?: number; pageToken?: string; userId?: string }
  | { name: 'orders get'; orderId: string }
  | { name: 'orders cancel'; orderId: string }
  | { name: 'token show' }
  | { name: 'logout' }
  | { name: 'demo' };

export interface Invocation {
  command: Command;
  json: boolean;
  requestId?: string;
  authAddr?: string;
  userAddr?: string;
  orderAddr?: string;
}

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'request-id': { type: 'string' },
  'auth-addr': { type: 'string' },
  'user-addr': { type: 'string' },
  'order-addr': { type: 'string' },
  item: { type: 'string', multiple: true },
  'idempotency-key': { type: 'string' },
  'page-size': { type: 'string' },
  'page-token': { type: 'string' },
  'user-id': { type: 'string' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

const COMMAND_FLAGS: Record<string, readonly (keyof Values)[]> = {
  'orders create': ['item', 'idempotency-key'],
  'orders list': ['page-size', 'page-token', 'user-id'],
};
const ALL_COMMAND_FLAGS = new Set(Object.values(COMMAND_FLAGS).flat());
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Parses argv (without node and the script) into one command and the global flags.
 * Throws UsageError (exit 2) for anything it does not understand; its messages name the CLI as
 * `prog` (what the user typed: `npm run cli --`, `node dist/apps/mesh-cli/main.js`, ...).
 * @example
 * parseInvocation(['orders', 'get', 'ord_1', '--json'], 'npm run cli --')
 */
export function parseInvocation(argv: readonly string[], prog = 'mesh-cli'): Invocation {
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new UsageError(
      'passwords are never taken as arguments: set MESH_PASSWORD or answer the prompt',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err as Error & { code?: string }, prog));
  }
  const { values, positionals } = parsed;
  const requestId = values['request-id'];
  if (requestId !== undefined && !REQUEST_ID.test(requestId)) {
    throw new UsageError('--request-id must be 1..128 of A-Z a-z 0-9 . _ : -');
  }
  const command: Command = values.help
    ? { name: 'help', topic: positionals[0] }
    : toCommand(positionals, values, prog);
  rejectForeignFlags(command.name, values);
  return {
    command,
    json: values.json === true,
    requestId,
    authAddr: values['auth-addr'],
    userAddr: values['user-addr'],
    orderAddr: values['order-addr'],
  };
}

function rejectForeignFlags(name: string, values: Values): void {
  const allowed = new Set(COMMAND_FLAGS[name] ?? []);
  for (const flag of ALL_COMMAND_FLAGS) {
    if (values[flag] !== undefined && !allowed.has(flag)) {
      throw new UsageError(`--${flag} does not apply to \`${name}\``);
    }
  }
}

// Node's own messages name no way out, and its unknown-option one ends with an unbalanced quote.
function describeParseError(err: Error & { code?: string }, prog: string): string {
  const flag = /^Unknown option '([^']*)'/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined) {
    return `unknown flag: ${flag} (see \`${prog} help\`; a value that starts with "-" goes after "--")`;
  }
  return `${err.message} (see \`${prog} help\`)`;
}

function toCommand(pos: readonly string[], values: Values, prog: string): Command {
  const [cmd, sub, ...rest] = pos;
  const arity = (n: number, usage: string) => {
    if (pos.length !== n) throw new UsageError(`usage: ${prog} ${usage}`);
  };
  switch (cmd) {
    case undefined:
    case 'help':
      return { name: 'help', topic: sub };
    case 'login':
      arity(2, 'login <user>');
      return { name: 'login', username: sub };
    case 'whoami':
    case 'logout':
    case 'demo':
      arity(1, cmd);
      return { name: cmd };
    case 'token':
      if (sub !== 'show' || rest.length) throw new UsageError(`usage: ${prog} token show`);
      return { name: 'token show' };
    case 'orders':
      return ordersCommand(sub, rest, values, prog);
    default:
      throw new UsageError(`unknown command: ${cmd} (try \`${prog} help\`)`);
  }
}

function ordersCommand(
  sub: string | undefined,
  rest: readonly string[],
  values: Values,
  prog: string,
): Command {
  switch (sub) {
    case 'create': {
      if (rest.length)
        throw new UsageError(`usage: ${prog} orders create --item SKU:QTY:CENTS ...`);
      const specs = values.item ?? [];
      if (specs.length === 0)
        throw new UsageError('orders create needs at least one --item SKU:QTY:CENTS');
      return {
        name: 'orders create',
        items: specs.map(parseItem),
        idempotencyKey: values['idempotency-key'],
      };
    }
    case 'list': {
      if (rest.length)
        throw new UsageError(`usage: ${prog} orders list [--page-size N] [--page-token T]`);
      const size = values['page-size'];
      if (size !== undefined && (!/^\d+$/.test(size) || Number(size) < 1 || Number(size) > 100)) {
        throw new UsageError('--page-size must be a whole number from 1 to 100');
      }
      return {
        name: 'orders list',
        pageSize: size === undefined ? undefined : Number(size),
        pageToken: values['page-token'],
        userId: values['user-id'],
      };
    }
    case 'get':
    case 'cancel':
      if (rest.length !== 1 || !rest[0])
        throw new UsageError(`usage: ${prog} orders ${sub} <order-id>`);
      return { name: `orders ${sub}`, orderId: rest[0] };
    default:
      throw new UsageError(`usage: ${prog} orders create|list|get|cancel ...`);
  }
}
