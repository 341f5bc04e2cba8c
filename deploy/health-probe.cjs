#!/usr/bin/env node
// grpc.health.v1 probe for the images' HEALTHCHECK (and anything else that cannot speak gRPC
// natively): exits 0 only when the server answers SERVING, 1 otherwise.
//
//   node health-probe.cjs [host:port] [service]
//
// host:port defaults to 127.0.0.1:$GRPC_PORT (the container's own config); service defaults to ""
// (the whole server), as in Kubernetes' native gRPC probes. Kubernetes does not need this file.
'use strict';
const grpc = require('@grpc/grpc-js');
const { service: healthService } = require('grpc-health-check');

const target = process.argv[2] || `127.0.0.1:${process.env.GRPC_PORT || ''}`;
const serviceName = process.argv[3] || '';
const timeoutMs = 2000; // below the HEALTHCHECK/probe timeouts (3 s)

if (!/^[^:]+:\d{1,5}$/.test(target) && !/^\[[^\]]+\]:\d{1,5}$/.test(target)) {
  console.log(`health-probe: not a host:port target: ${JSON.stringify(target)}`);
  process.exit(1);
}

const HealthClient = grpc.makeGenericClientConstructor(healthService, 'Health');
const client = new HealthClient(target, grpc.credentials.createInsecure());
client.check({ service: serviceName }, { deadline: Date.now() + timeoutMs }, (err, res) => {
  client.close();
  if (err) {
    console.log(`health-probe: ${target} ${grpc.status[err.code] || err.code}`);
    process.exit(1);
  }
  console.log(`health-probe: ${target} ${res.status}`);
  process.exit(res.status === 'SERVING' ? 0 : 1);
});
