import type { Order__Output, Timestamp__Output } from '@jwt-mesh/contracts';
import { formatCents } from './items';
import { table } from './output';

export function shortStatus(s: string): string {
  return s.replace(/^ORDER_STATUS_/, '');
}

export function timestampToIso(t: Timestamp__Output | null | undefined): string | undefined {
  if (!t) return undefined;
  return new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)).toISOString();
}

/** The JSON shape of an order: the wire fields, with status shortened and time as ISO text. */
export function orderToJson(o: Order__Output): Record<string, unknown> {
  return { ...o, status: shortStatus(o.status), created_at: timestampToIso(o.created_at) ?? null };
}

export function formatOrder(o: Order__Output): string[] {
  const lines = table([
    ['order', o.id],
    ['status', shortStatus(o.status)],
    ['customer', `${o.customer_name} (${o.user_id})`],
    ['created', timestampToIso(o.created_at) ?? '-'],
  ]);
  for (const it of o.items) {
    const line = (BigInt(it.unit_price_cents) * BigInt(it.quantity)).toString();
    lines.push(
      `  ${it.sku.padEnd(12)} ${String(it.quantity).padStart(4)} × ${formatCents(it.unit_price_cents).padStart(9)} = ${formatCents(line)}`,
    );
  }
  lines.push(`total     ${formatCents(o.total_cents)}`);
  return lines;
}

export function formatOrderRow(o: Order__Output): string {
  const when = timestampToIso(o.created_at)?.replace('T', ' ').slice(0, 19) ?? '-';
  const items = `${o.items.length} item${o.items.length === 1 ? '' : 's'}`;
  return `${o.id}  ${shortStatus(o.status).padEnd(9)}  ${items.padEnd(8)}  ${formatCents(o.total_cents).padStart(10)}  ${when}`;
}
