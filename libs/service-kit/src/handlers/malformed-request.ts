import * as grpc from '@grpc/grpc-js';

const BRAND = Symbol('malformed request');

// What a tolerant deserializer returns for bytes that do not decode. Frozen and field-less, so a
// handler that reads it anyway sees no values it could mistake for input.
const MALFORMED_REQUEST: object = Object.freeze({ [BRAND]: true });

/** The status for a request message that did not decode. */
export const MALFORMED_REQUEST_STATUS: Readonly<Partial<grpc.StatusObject>> = Object.freeze({
  code: grpc.status.INVALID_ARGUMENT,
  details: 'malformed request',
});

/**
 * True for the value a request decoded to when its bytes were malformed (see
 * `tolerateMalformedRequests`). `unary()` checks it; a handler written without `unary()` should too.
 * @example
 * if (isMalformedRequest(call.request)) return callback(MALFORMED_REQUEST_STATUS);
 */
export function isMalformedRequest(value: unknown): boolean {
  return value === MALFORMED_REQUEST;
}

const isUnary = (m: grpc.MethodDefinition<unknown, unknown>) =>
  !m.requestStream && !m.responseStream;

/**
 * A copy of a service's definition and implementation for unary methods that do not throw on
 * undecodable request bytes. grpc-js would answer those with INTERNAL "Error deserializing request"
 * from below every interceptor (so nothing logs the real outcome); here the deserializer returns a
 * marker instead, and the handler answers INVALID_ARGUMENT "malformed request" without running.
 * Streaming methods keep grpc-js's behaviour: their handlers read messages one by one.
 * grpc-js only reads the message after the interceptors pass the metadata, so auth still runs first.
 * @example
 * const { definition, implementation } = tolerateMalformedRequests(def, handlers);
 * server.addService(definition, implementation);
 */
export function tolerateMalformedRequests(
  definition: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
  const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = { ...definition };
  const impl: grpc.UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    if (!isUnary(method)) continue;
    const decode = method.requestDeserialize;
    def[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return decode(bytes);
        } catch {
          return MALFORMED_REQUEST;
        }
      },
    };
    // grpc-js looks an implementation up by name, then by the proto's original name
    const key = name in implementation ? name : method.originalName;
    const handler = key === undefined ? undefined : implementation[key];
    if (typeof handler !== 'function') continue;
    const unaryHandler = handler as grpc.handleUnaryCall<unknown, unknown>;
    impl[name] = ((call, callback) =>
      isMalformedRequest(call.request)
        ? callback(MALFORMED_REQUEST_STATUS)
        : unaryHandler(call, callback)) satisfies grpc.handleUnaryCall<unknown, unknown>;
  }
  return { definition: def, implementation: impl };
}
