// config: one schema per service, keyed by environment variable name
export {
  CONFIG_EXIT_CODE,
  ConfigError,
  LOG_LEVELS,
  PRINT_SCHEMA_FLAG,
  USAGE_EXIT_CODE,
  commonSchema,
  defineConfig,
  describeSchema,
  loadConfig,
  loadConfigOrExit,
  parseCommandLine,
  parseCommandLineOrExit,
  printSchemaAndExitIfAsked,
  unknownVariables,
  usage,
} from './config';
export type {
  BoolVar,
  CommandLine,
  CommandLineSpec,
  ConfigSchema,
  ConfigValues,
  EnumVar,
  EnvLike,
  ExitDeps,
  IntVar,
  ListVar,
  LogLevel,
  ParsedCommandLine,
  PortVar,
  StringVar,
  ValueOf,
  VarSpec,
} from './config';

// logging
export { createLogger, silentLogger } from './logging/create-logger';
export type { LoggerOptions } from './logging/create-logger';
export { REDACTED, REDACT_KEYS } from './logging/redaction';
export { routeGrpcJsLogs, scrubGrpcJsText } from './logging/grpc-js-logger';
export { createRpcLoggingInterceptor } from './logging/rpc-logging-interceptor';
export type { RpcLoggingOptions } from './logging/rpc-logging-interceptor';
export { getCallLogger, getRequestId } from './logging/call-context';
export type { CallLike } from './logging/call-context';
export { REQUEST_ID_HEADER, isValidRequestId } from './logging/request-id';
export { codeName, levelForCode } from './logging/level-by-code';
export type { RpcLogLevel } from './logging/level-by-code';

// storage
export { createPrivateFile } from './storage/private-file';

// server
export { INFRA_METHODS } from './server/infra-methods';
export { startGrpcServer } from './server/start-grpc-server';
export { DEFAULT_MAX_RECEIVE_MESSAGE_BYTES, SERVER_DEFAULTS } from './server/server-limits';
export type { RunningServer, ServiceBinding, StartServerOptions } from './server/start-grpc-server';
export { shutdownServer } from './server/shutdown-server';
export { SHUTDOWN_WATCHDOG_MARGIN_MS, installShutdown } from './server/install-shutdown';
export { ignoreBrokenPipe } from './server/ignore-broken-pipe';
export type { ShutdownOptions, SignalSource } from './server/install-shutdown';

// handlers
export { RpcError, isPublicError } from './handlers/rpc-error';
export type { PublicError } from './handlers/rpc-error';
export { unary } from './handlers/unary';
export {
  MALFORMED_REQUEST_STATUS,
  isMalformedRequest,
  tolerateMalformedRequests,
} from './handlers/malformed-request';
export type { MappedStatus } from './handlers/unary';
