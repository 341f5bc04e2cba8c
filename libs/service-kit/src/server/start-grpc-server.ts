import * as grpc from '@grpc/grpc-js';
import { type PackageDefinition, loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import type pino from 'pino';
import { tolerateMalformedRequests } from '../handlers/malformed-request';
import { routeGrpcJsLogs } from '../logging/grpc-js-logger';
import { createRpcLoggingInterceptor } from '../logging/rpc-logging-interceptor';
import { INFRA_METHODS, serviceNameOf } from './infra-methods';
import { serverOptionsWithLimits } from './server-limits';
import { shutdownServer } from './shutdown-server';

/** One service to serve: a definition (e.g. `grpcObject.mesh.user.v1.UserService.service`) and handlers. */
export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
}

export interface StartServerOptions {
  /** The service name for the `listening` line, e.g. `order-service`. */
  service: string;
  host: string;
  /** `0` picks a free port; read it from `RunningServer.port`. */
  port: number;
  services: readonly ServiceBinding[];
  /** Fed to server reflection, so grpcurl, grpcui and Postman can list and call the services. */
  packageDefinition: PackageDefinition;
  /** Run after the logging interceptor, in this order (e.g. the auth interceptor). */
  interceptors?: readonly grpc.ServerInterceptor[];
  logger: pino.Logger;
  /** Passed to the logging interceptor, so `rpc finished` lines carry the caller's `sub`. */
  subjectOf?: (metadata: grpc.Metadata) => string | undefined;
  /**
   * grpc-js options over `SERVER_DEFAULTS` (64 KiB messages, 100 concurrent streams, idle 5 min,
   * age 30 min + 30 s grace, keepalive 2 min / 20 s).
   */
  serverOptions?: Omit<grpc.ServerOptions, 'interceptors'>;
  /**
   * The largest request message, in bytes (default 64 KiB); larger ones get RESOURCE_EXHAUSTED
   * before they are decoded. Wins over `serverOptions['grpc.max_receive_message_length']`.
   */
  maxReceiveMessageBytes?: number;
}

export interface RunningServer {
  readonly server: grpc.Server;
  readonly port: number;
  /** `host:port` as bound, e.g. `127.0.0.1:50053` (`[::1]:50053` for IPv6 hosts). */
  readonly address: string;
  /** Sets grpc.health.v1 status of `''` and of every served service. */
  setServing(serving: boolean): void;
  /** NOT_SERVING, refuse new calls, let running ones finish; after `graceMs` cancel the rest. */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * Binds a grpc-js server with per-call logging first, then `interceptors`, plus grpc.health.v1
 * (SERVING for `''` and each service) and server reflection; logs one line a program can parse:
 * `{"service":"order-service","address":"127.0.0.1:50053","port":50053,"msg":"listening"}`.
 * Limits come from `SERVER_DEFAULTS` (64 KiB request messages, 100 streams per connection, idle and
 * age limits, keepalive) unless `serverOptions` / `maxReceiveMessageBytes` say otherwise, and
 * grpc-js's own log output goes through `logger`, scrubbed (`routeGrpcJsLogs`). A unary request
 * that does not decode gets INVALID_ARGUMENT "malformed request" (`tolerateMalformedRequests`).
 * @example
 * const running = await startGrpcServer({ service: 'user-service', host: config.HOST,
 *   port: config.GRPC_PORT, services: [{ definition, implementation }], packageDefinition, logger,
 *   interceptors: [auth], subjectOf: (md) => findPrincipal(md)?.subject });
 * installShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS, stop: running.shutdown });
 */
export async function startGrpcServer(o: StartServerOptions): Promise<RunningServer> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    throw new TypeError(`startGrpcServer: port must be 0..65535, got ${o.port}`);
  }
  // before the first request: grpc-js's default logger prints raw header values to stderr
  routeGrpcJsLogs(o.logger);
  const logging = createRpcLoggingInterceptor({
    logger: o.logger,
    subjectOf: o.subjectOf,
    quiet: (path) => INFRA_METHODS.includes(path),
  });
  const options = serverOptionsWithLimits(o.serverOptions, o.maxReceiveMessageBytes);
  const server = new grpc.Server({
    ...options,
    interceptors: [logging, ...(o.interceptors ?? [])],
  });

  const names = o.services.map((s) => serviceNameOf(s.definition));
  const health = new HealthImplementation({ '': 'SERVING' });
  const setServing = (serving: boolean) => {
    for (const name of ['', ...names]) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
  };
  setServing(true);
  health.addToServer(server);
  new ReflectionService({ ...healthDefinition(), ...o.packageDefinition }).addToServer(server);
  for (const s of o.services) {
    const { definition, implementation } = tolerateMalformedRequests(
      s.definition,
      s.implementation,
    );
    server.addService(definition, implementation);
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      hostPort(o.host, o.port),
      grpc.ServerCredentials.createInsecure(),
      (err, bound) => (err ? reject(err) : resolve(bound)),
    );
  });
  // bindAsync already serves (grpc-js >= 1.10); the deprecated server.start() is never needed.
  const address = hostPort(o.host, port);
  const hasService = o.logger.bindings().service !== undefined;
  // pid: a supervisor (tools/start-cluster.mjs) can stop this process even if it was re-parented.
  o.logger.info(
    { ...(hasService ? {} : { service: o.service }), address, port, pid: process.pid },
    'listening',
  );

  return {
    server,
    port,
    address,
    setServing,
    shutdown: (graceMs) => {
      setServing(false);
      return shutdownServer(server, graceMs, o.logger);
    },
  };
}

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

let health: PackageDefinition | undefined;
// So `grpcurl list` shows the health service too (grpcurl, grpcui and Postman describe it from here).
function healthDefinition(): PackageDefinition {
  return (health ??= loadSync(healthProtoPath, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
  }));
}
