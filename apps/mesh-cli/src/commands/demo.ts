import { status } from '@grpc/grpc-js';
import type { Order__Output, TokenResponse__Output, User__Output } from '@jwt-mesh/contracts';
import type { AppContext } from '../context';
import { describeExpiry } from '../duration';
import { CliError, isGrpcError, statusName } from '../errors';
import { EXIT } from '../exit-codes';
import { formatCents } from '../items';
import { decodeJwt, tamperJwt } from '../jwt-decode';
import {
  SERVICES,
  formatLogLine,
  linesForRequest,
  logFilesOf,
  type LogLine,
} from '../service-logs';
import { waitFor } from '../wait';

/** The demo seed's passwords (seed/demo-users.json) are `<username>-password`; MESH_DEMO_PASSWORD overrides. */
export const demoPassword = (username: string, override?: string) =>
  override ?? `${username}-password`;

interface Step {
  step: string;
  ok: boolean;
  detail: string;
}

/** Expects a call to fail with `code`; anything else (success included) fails the demo. */
async function expectStatus(p: Promise<unknown>, code: number): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isGrpcError(err) && err.code === code) return `${statusName(code)} (${err.details})`;
    throw err;
  }
  throw new CliError(
    'ERR_DEMO',
    EXIT.FAILURE,
    `expected ${statusName(code)} but the call succeeded`,
  );
}

/**
 * `demo`: a narrated tour against a running cluster, with every call under ONE request id so the
 * last step can show what each service logged about it. Tokens stay in memory: the user's own
 * session file is not touched.
 */
export async function demo(ctx: AppContext): Promise<void> {
  const rid = ctx.requestId;
  const steps: Step[] = [];
  const say = (line: string) => ctx.out.note(line);
  const done = (step: string, detail: string) => {
    steps.push({ step, ok: true, detail });
    say(`  ✔ ${detail}`);
  };
  const tokens = { alice: '', bob: '', forged: '' };
  const alice = ctx.clientsWithToken(() => tokens.alice);
  const bob = ctx.clientsWithToken(() => tokens.bob);
  const forged = ctx.clientsWithToken(() => tokens.forged);

  say(`jwt-mesh demo — every call below carries x-request-id ${rid}`);
  say(`  auth ${ctx.addrs.auth} · user ${ctx.addrs.user} · order ${ctx.addrs.order}`);

  say('\n1. alice logs in at auth-service (the only holder of the signing key)');
  const login = (username: string) =>
    ctx.call<TokenResponse__Output>('auth-service', (md, o, cb) =>
      alice.auth.Login(
        { username, password: demoPassword(username, ctx.config.demoPassword) },
        md,
        o,
        cb,
      ),
    );
  tokens.alice = (await login('alice')).access_token;
  const { header, claims } = decodeJwt(tokens.alice);
  done(
    'login',
    `token: alg ${header.alg}, kid ${String(header.kid).slice(0, 12)}…, sub ${claims.sub}, aud ${String(claims.aud)}, ${describeExpiry(Number(claims.exp), ctx.now())}`,
  );

  say(
    '\n2. alice creates an order: order-service verifies the token itself, then calls user-service',
  );
  say('   with the SAME token (no call back to auth-service) to get her name');
  const items = [
    { sku: 'BOOK-42', quantity: 2, unit_price_cents: '1999' },
    { sku: 'MUG-7', quantity: 1, unit_price_cents: '850' },
  ];
  const created: Order__Output = await ctx.call<Order__Output>('order-service', (md, o, cb) =>
    alice.order.CreateOrder({ items, idempotency_key: `demo-${rid}` }, md, o, cb),
  );
  done(
    'create',
    `order ${created.id}: ${created.items.length} items, total ${formatCents(created.total_cents)}, customer "${created.customer_name}"`,
  );

  say('\n3. alice reads it back');
  const read = await ctx.call<Order__Output>('order-service', (md, o, cb) =>
    alice.order.GetOrder({ order_id: created.id }, md, o, cb),
  );
  done(
    'get',
    `order ${read.id} is ${read.status.replace('ORDER_STATUS_', '')}, owner ${read.user_id}`,
  );

  say("\n4. bob logs in and asks for alice's order");
  tokens.bob = (await login('bob')).access_token;
  const bobSees = await expectStatus(
    ctx.call<Order__Output>('order-service', (md, o, cb) =>
      bob.order.GetOrder({ order_id: created.id }, md, o, cb),
    ),
    status.NOT_FOUND,
  );
  done('bob', `bob gets ${bobSees}: other people's orders do not even exist for him`);

  say(
    '\n5. a forged token: alice\'s token with roles changed to ["admin"], original signature kept',
  );
  tokens.forged = tamperJwt(tokens.alice, (c) => {
    c.roles = ['admin'];
  });
  const orderSays = await expectStatus(
    ctx.call<Order__Output>('order-service', (md, o, cb) =>
      forged.order.GetOrder({ order_id: created.id }, md, o, cb),
    ),
    status.UNAUTHENTICATED,
  );
  done('forged-order', `order-service: ${orderSays}`);
  const userSays = await expectStatus(
    ctx.call<User__Output>('user-service', (md, o, cb) => forged.user.GetMe({}, md, o, cb)),
    status.UNAUTHENTICATED,
  );
  done('forged-user', `user-service: ${userSays}`);

  say(`\n6. what each service logged about request ${rid}`);
  const logs = await collectLogs(ctx, rid);
  for (const service of SERVICES) {
    const files = Object.keys(logs).filter((f) => f === service || f.startsWith(`${service}-`));
    if (files.length === 0) {
      say(
        `  ${service}: (no ${service}.log in ${ctx.config.logDir}: is the cluster running under \`npm start\`? Or set MESH_LOG_DIR)`,
      );
    }
    for (const file of files) {
      const lines = logs[file];
      // A replica's file from an earlier `start:replicas` run has nothing for this id: skip it.
      if (file !== service && lines.length === 0) continue;
      say(
        `  ${file === service ? service : `${service} (replica ${file.slice(service.length + 1)})`}:`,
      );
      if (lines.length === 0) say('    (nothing for this request id)');
      for (const l of lines) say(`    ${formatLogLine(l)}`);
    }
  }
  say(
    '\nDone: one token, verified at every hop, forged copies refused, and one request id across the logs.',
  );
  ctx.out.result({ ok: true, request_id: rid, order_id: created.id, steps, logs }, []);
}

type Logs = Record<string, LogLine[]>;

const countFor = (logs: Logs, service: string) =>
  Object.entries(logs).reduce(
    (n, [f, l]) => n + (f === service || f.startsWith(`${service}-`) ? l.length : 0),
    0,
  );

// `npm start` appends log lines a moment after the call returns: re-read (with a deadline) until the
// demo's last calls show up (2 logins; GetMe from the order and the forged one; 4 order-service lines).
async function collectLogs(ctx: AppContext, rid: string): Promise<Logs> {
  const read = (): Logs => {
    const out: Logs = {};
    for (const s of SERVICES) {
      for (const f of logFilesOf(ctx.config.logDir, s))
        out[f] = linesForRequest(ctx.config.logDir, f, rid) ?? [];
    }
    return out;
  };
  const expected: Record<string, number> = {
    'auth-service': 2,
    'user-service': 2,
    'order-service': 4,
  };
  let logs = read();
  const complete = () => {
    logs = read();
    return SERVICES.every(
      (s) => logFilesOf(ctx.config.logDir, s).length === 0 || countFor(logs, s) >= expected[s],
    );
  };
  await waitFor(complete, 3000).catch(() => undefined);
  return logs;
}
