import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLogLine, linesForRequest, logFilesOf } from './service-logs';

describe('service logs (as npm start writes them)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesh-cli-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a service and its replicas, primary first', () => {
    for (const f of [
      'order-service-2.log',
      'order-service.log',
      'user-service.log',
      'order-service-x.log',
    ])
      writeFileSync(join(dir, f), '');
    expect(logFilesOf(dir, 'order-service')).toEqual(['order-service', 'order-service-2']);
    expect(logFilesOf(join(dir, 'missing'), 'order-service')).toEqual([]);
  });

  it('keeps only whole JSON lines with exactly this request id', () => {
    writeFileSync(
      join(dir, 'order-service.log'),
      [
        JSON.stringify({ requestId: 'r1', msg: 'rpc finished' }),
        JSON.stringify({ requestId: 'r10', msg: 'other id sharing a prefix' }),
        JSON.stringify({ msg: 'mentions r1 in text only', note: 'r1' }),
        '{"requestId":"r1", "msg": "cut in ha',
      ].join('\n'),
    );
    expect(linesForRequest(dir, 'order-service', 'r1')).toEqual([
      { requestId: 'r1', msg: 'rpc finished' },
    ]);
    expect(linesForRequest(dir, 'user-service', 'r1')).toBeUndefined();
  });

  it('formats an rpc line compactly, without the repeated fields', () => {
    const line = {
      level: 40,
      time: '2026-12-03T19:20:01.123Z',
      service: 'order-service',
      requestId: 'r1',
      rpc: '/mesh.order.v1.OrderService/GetOrder',
      sub: 'usr_bob',
      code: 'NOT_FOUND',
      grpcCode: 5,
      durationMs: 1.5,
      msg: 'rpc finished',
      orderId: 'o1',
    };
    expect(formatLogLine(line)).toBe(
      '19:20:01.123  WARN   rpc finished  OrderService/GetOrder  NOT_FOUND  1.5ms  sub=usr_bob  orderId=o1',
    );
  });
});
