export { MeshApi, ITEM, codeOf, grpc, type CallOptions } from './api';
export { runCli, type CliResult } from './cli';
export { Cluster, ISSUER, type ClusterOptions } from './cluster';
export { DEMO, makeUsers, writeSeed, type TestUser } from './seed';
export { ServiceProcess, killAllServices, type LogLine } from './service-process';
export { waitUntil } from './wait';
