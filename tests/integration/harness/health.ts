import * as grpc from '@grpc/grpc-js';

/**
 * One grpc.health.v1 Check of the whole server (''): the request is empty and the answer is field 1
 * (varint), so both are encoded by hand. Resolves 'SERVING', 'NOT_SERVING', or the failure's status name.
 */
export function healthCheck(address: string, timeoutMs = 1000): Promise<string> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      () => Buffer.alloc(0),
      (buf: Buffer) => buf,
      {},
      new grpc.Metadata(),
      { deadline: Date.now() + timeoutMs },
      (err, buf) => {
        client.close();
        if (err) return resolve(grpc.status[err.code] ?? 'UNKNOWN');
        const value = buf && buf.length >= 2 && buf[0] === 0x08 ? buf[1] : 0;
        resolve(['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'][value] ?? 'UNKNOWN');
      },
    );
  });
}
