import { parseInvocation } from './args';
import { UsageError } from './errors';

const usage = (argv: string[]) => {
  try {
    parseInvocation(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).exitCode;
  }
  throw new Error('expected a UsageError');
};

describe('parseInvocation', () => {
  it('parses login with a user and no password', () => {
    expect(parseInvocation(['login', 'alice']).command).toEqual({
      name: 'login',
      username: 'alice',
    });
  });

  it('refuses a password given as an argument, in every spelling', () => {
    expect(usage(['login', 'alice', '--password', 'x'])).toBe(2);
    expect(usage(['login', 'alice', '--password=x'])).toBe(2);
  });

  it('parses orders create with several items and an idempotency key', () => {
    const inv = parseInvocation([
      'orders',
      'create',
      '--item',
      'A-1:2:1999',
      '--item',
      'B:1:0',
      '--idempotency-key',
      'k1',
      '--json',
    ]);
    expect(inv.json).toBe(true);
    expect(inv.command).toEqual({
      name: 'orders create',
      idempotencyKey: 'k1',
      items: [
        { sku: 'A-1', quantity: 2, unit_price_cents: '1999' },
        { sku: 'B', quantity: 1, unit_price_cents: '0' },
      ],
    });
  });

  it('requires at least one item', () => {
    expect(usage(['orders', 'create'])).toBe(2);
  });

  it('parses orders list options', () => {
    expect(
      parseInvocation([
        'orders',
        'list',
        '--page-size',
        '5',
        '--page-token',
        't',
        '--user-id',
        'usr_bob',
      ]).command,
    ).toEqual({
      name: 'orders list',
      pageSize: 5,
      pageToken: 't',
      userId: 'usr_bob',
    });
    expect(usage(['orders', 'list', '--page-size', '0'])).toBe(2);
    expect(usage(['orders', 'list', '--page-size', '2.5'])).toBe(2);
  });

  it('parses get / cancel with exactly one id', () => {
    expect(parseInvocation(['orders', 'get', 'ord_1']).command).toEqual({
      name: 'orders get',
      orderId: 'ord_1',
    });
    expect(parseInvocation(['orders', 'cancel', 'ord_1']).command).toEqual({
      name: 'orders cancel',
      orderId: 'ord_1',
    });
    expect(usage(['orders', 'get'])).toBe(2);
    expect(usage(['orders', 'get', 'a', 'b'])).toBe(2);
  });

  it('takes global flags anywhere on the line', () => {
    const inv = parseInvocation([
      '--request-id',
      'req-1',
      'whoami',
      '--order-addr',
      '127.0.0.1:1',
      '--auth-addr',
      'a:1',
      '--user-addr',
      'u:2',
    ]);
    expect(inv).toMatchObject({
      command: { name: 'whoami' },
      requestId: 'req-1',
      orderAddr: '127.0.0.1:1',
      authAddr: 'a:1',
      userAddr: 'u:2',
      json: false,
    });
  });

  it('rejects request ids the services would replace', () => {
    expect(usage(['whoami', '--request-id', 'has space'])).toBe(2);
    expect(usage(['whoami', '--request-id', 'x'.repeat(129)])).toBe(2);
  });

  it('rejects unknown commands, unknown flags and flags of another command', () => {
    expect(usage(['frobnicate'])).toBe(2);
    expect(usage(['whoami', '--verbose'])).toBe(2);
    expect(usage(['whoami', '--item', 'A:1:1'])).toBe(2);
    expect(usage(['orders', 'get', 'x', '--page-size', '3'])).toBe(2);
    expect(usage(['token'])).toBe(2);
    expect(usage(['login'])).toBe(2);
    expect(usage(['whoami', 'extra'])).toBe(2);
  });

  it('shows help for no command, help, and -h', () => {
    expect(parseInvocation([]).command.name).toBe('help');
    expect(parseInvocation(['help']).command.name).toBe('help');
    expect(parseInvocation(['orders', '-h']).command).toEqual({ name: 'help', topic: 'orders' });
  });

  it('names the CLI as the user runs it, and quotes unknown flags evenly', () => {
    const messageOf = (argv: string[]) => {
      try {
        parseInvocation(argv, 'npm run cli --');
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      throw new Error('expected a UsageError');
    };
    expect(messageOf(['frobnicate'])).toBe(
      'unknown command: frobnicate (try `npm run cli -- help`)',
    );
    expect(messageOf(['orders', 'get'])).toBe('usage: npm run cli -- orders get <order-id>');
    const unknown = messageOf(['whoami', '--bogus']);
    expect(unknown).toMatch(/^unknown flag: --bogus \(see `npm run cli -- help`/);
    for (const q of ["'", '"', '`']) expect(unknown.split(q).length % 2).toBe(1);
    expect(messageOf(['orders', 'create', '--item'])).toContain('`npm run cli -- help`');
  });
});
