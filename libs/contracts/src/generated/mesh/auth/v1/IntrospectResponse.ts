// Original file: protos/mesh/auth/v1/auth.proto

import type { Long } from '@grpc/proto-loader';

export interface IntrospectResponse {
  'active'?: (boolean);
  'sub'?: (string);
  'exp'?: (number | string | Long);
  'iat'?: (number | string | Long);
  'iss'?: (string);
  'aud'?: (string)[];
  'scope'?: (string);
  'roles'?: (string)[];
  'jti'?: (string);
  'token_type'?: (string);
}

export interface IntrospectResponse__Output {
  'active': (boolean);
  'sub': (string);
  'exp': (string);
  'iat': (string);
  'iss': (string);
  'aud': (string)[];
  'scope': (string);
  'roles': (string)[];
  'jti': (string);
  'token_type': (string);
}
