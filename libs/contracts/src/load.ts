import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import loaderOptions from '../loader-options.json';
import type { ProtoGrpcType as AuthProto } from './generated/auth';
import type { ProtoGrpcType as OrderProto } from './generated/order';
import type { ProtoGrpcType as UserProto } from './generated/user';

/** Loader options shared by run time and `proto-loader-gen-types` (libs/contracts/loader-options.json). */
export const LOADER_OPTIONS: protoLoader.Options = Object.freeze({
  ...loaderOptions,
  longs: String,
  enums: String,
});

/** The .proto files of the mesh, relative to the proto root. */
export const PROTO_FILES = [
  'mesh/auth/v1/auth.proto',
  'mesh/user/v1/user.proto',
  'mesh/order/v1/order.proto',
] as const;

export type MeshGrpcObject = AuthProto & UserProto & OrderProto;

export interface LoadedMesh {
  /** Feed this to @grpc/reflection so grpcurl, grpcui and Postman can list the services. */
  readonly packageDefinition: protoLoader.PackageDefinition;
  readonly grpcObject: MeshGrpcObject;
}

const MARKER = join('mesh', 'auth', 'v1', 'auth.proto');

/**
 * Finds the folder that holds `mesh/**.proto`. A bundled app ships it as `protos/` beside `main.js`;
 * in the repo it is `protos/` at the top, above wherever this file runs from.
 */
export function findProtoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'protos');
    if (existsSync(join(candidate, MARKER))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`cannot find protos/${MARKER} above ${start}`);
}

let cached: LoadedMesh | undefined;

/**
 * Loads every mesh service once per process.
 * @example
 * const { grpcObject } = loadMesh();
 * server.addService(grpcObject.mesh.order.v1.OrderService.service, handlers);
 */
export function loadMesh(protoRoot?: string): LoadedMesh {
  if (cached && !protoRoot) return cached;
  const root = protoRoot ?? findProtoRoot();
  const packageDefinition = protoLoader.loadSync([...PROTO_FILES], {
    ...LOADER_OPTIONS,
    includeDirs: [root],
  });
  const grpcObject = grpc.loadPackageDefinition(packageDefinition) as unknown as MeshGrpcObject;
  const loaded = { packageDefinition, grpcObject };
  if (!protoRoot) cached = loaded;
  return loaded;
}
