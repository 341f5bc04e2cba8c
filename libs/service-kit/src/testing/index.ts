export { captureLogger } from './capture-logger';
export type { CapturedLogger } from './capture-logger';
export { closeServer, startTestServer } from './test-server';
export type { TestServerOptions } from './test-server';
export { unaryCall } from './unary-call';
export type { UnaryOutcome } from './unary-call';
export { grpcFrame, rawGrpcRequest } from './raw-grpc-request';
export type { RawGrpcOutcome, RawGrpcRequest } from './raw-grpc-request';
