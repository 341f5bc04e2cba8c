import type { PackageDefinition } from '@grpc/proto-loader';
import { silentLogger } from '../logging/create-logger';
import {
  type RunningServer,
  type StartServerOptions,
  startGrpcServer,
} from '../server/start-grpc-server';

/** startGrpcServer options with test defaults: 127.0.0.1, port 0, silent logger, no reflection types. */
export type TestServerOptions = Partial<StartServerOptions> & Pick<StartServerOptions, 'services'>;

/**
 * A real server on 127.0.0.1 with a free port.
 * @example
 * const running = await startTestServer({ services: [{ definition, implementation }] });
 * const client = createUserClient(running.address);
 * afterAll(() => closeServer(running));
 */
export function startTestServer(o: TestServerOptions): Promise<RunningServer> {
  return startGrpcServer({
    service: 'test-service',
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger(),
    packageDefinition: {} as PackageDefinition,
    ...o,
  });
}

/**
 * Closes at once: cancels whatever is still running (tests should not wait on a grace period).
 * @example
 * afterAll(() => closeServer(running));
 */
export function closeServer(running: RunningServer | undefined): Promise<void> {
  return running ? running.shutdown(0) : Promise.resolve();
}
