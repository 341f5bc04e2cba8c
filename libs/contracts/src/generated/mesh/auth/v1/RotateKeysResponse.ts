// Original file: protos/mesh/auth/v1/auth.proto

import type { Long } from '@grpc/proto-loader';

export interface RotateKeysResponse {
  'active_kid'?: (string);
  'next_kid'?: (string);
  'activates_at'?: (number | string | Long);
}

export interface RotateKeysResponse__Output {
  'active_kid': (string);
  'next_kid': (string);
  'activates_at': (string);
}
