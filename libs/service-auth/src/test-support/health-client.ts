import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { unaryCall } from '@jwt-mesh/service-kit/testing';
import { protoPath } from 'grpc-health-check';

type Loaded = { grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } } };

/** A grpc.health.v1 client for one server: `check(service)` resolves with the outcome. */
export function healthClient(address: string) {
  const { Health } = (
    grpc.loadPackageDefinition(
      protoLoader.loadSync(protoPath, { keepCase: true, enums: String, defaults: true }),
    ) as unknown as Loaded
  ).grpc.health.v1;
  const client = new Health(address, grpc.credentials.createInsecure());
  return {
    check: (service = '') =>
      unaryCall<grpc.Client, { service: string }, { status: string }>(client, 'Check', {
        service,
      }),
    close: () => client.close(),
  };
}
