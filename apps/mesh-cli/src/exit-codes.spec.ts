import { status } from '@grpc/grpc-js';
import { CliError, NotLoggedInError, UsageError, describeFailure } from './errors';
import { EXIT, exitCodeForStatus } from './exit-codes';
import { RemoteCallError } from './rpc';

describe('exitCodeForStatus', () => {
  it.each([
    [status.OK, EXIT.OK],
    [status.INVALID_ARGUMENT, EXIT.USAGE],
    [status.UNAUTHENTICATED, EXIT.AUTH],
    [status.PERMISSION_DENIED, EXIT.AUTH],
    [status.NOT_FOUND, EXIT.NOT_FOUND],
    [status.UNAVAILABLE, EXIT.UNAVAILABLE],
    [status.DEADLINE_EXCEEDED, EXIT.UNAVAILABLE],
    [status.FAILED_PRECONDITION, EXIT.FAILURE],
    [status.ALREADY_EXISTS, EXIT.FAILURE],
    [status.INTERNAL, EXIT.FAILURE],
    [status.UNKNOWN, EXIT.FAILURE],
  ])('status %i → exit %i', (code, exit) => {
    expect(exitCodeForStatus(code)).toBe(exit);
  });
});

describe('describeFailure', () => {
  it('uses the exit code of CLI errors', () => {
    expect(describeFailure(new UsageError('bad'))).toEqual({
      exitCode: 2,
      code: 'ERR_USAGE',
      message: 'bad',
    });
    expect(describeFailure(new NotLoggedInError('mesh-cli')).exitCode).toBe(3);
    expect(describeFailure(new CliError('ERR_X', 1, 'x')).exitCode).toBe(1);
  });

  it('names the service and status of a failed call', () => {
    const f = describeFailure(
      new RemoteCallError('order-service', status.NOT_FOUND, 'order ord_1'),
    );
    expect(f).toEqual({
      exitCode: 4,
      code: 'NOT_FOUND',
      message: 'order-service: NOT_FOUND: order ord_1',
    });
  });

  it('hints at npm start when a service is unavailable', () => {
    const f = describeFailure(
      new RemoteCallError('auth-service', status.UNAVAILABLE, 'No connection established'),
    );
    expect(f.exitCode).toBe(5);
    expect(f.message).toMatch(/npm start/);
  });

  it("says grpc-js's repeated connection failure once, and keeps a server's own details", () => {
    const grpcJsText =
      'round_robin: No connection established. Last error: No connection established. Last error: ' +
      'Error: connect ECONNREFUSED 127.0.0.1:50052. Resolution note: ';
    expect(
      describeFailure(new RemoteCallError('user-service', status.UNAVAILABLE, grpcJsText)).message,
    ).toBe(
      'user-service: UNAVAILABLE: cannot connect to 127.0.0.1:50052 (ECONNREFUSED) (is the cluster running? `npm start`)',
    );
    expect(
      describeFailure(
        new RemoteCallError('order-service', status.UNAVAILABLE, 'user-service unavailable'),
      ).message,
    ).toBe(
      'order-service: UNAVAILABLE: user-service unavailable (is the cluster running? `npm start`)',
    );
  });

  it('maps anything else to 1', () => {
    expect(describeFailure(new Error('boom'))).toEqual({
      exitCode: 1,
      code: 'ERR_INTERNAL',
      message: 'boom',
    });
    expect(describeFailure('str').exitCode).toBe(1);
  });
});
