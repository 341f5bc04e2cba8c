// Original file: protos/mesh/auth/v1/auth.proto


export interface IntrospectRequest {
  'token'?: (string);
}

export interface IntrospectRequest__Output {
  'token': (string);
}
