// Original file: protos/mesh/auth/v1/auth.proto


export interface LoginRequest {
  'username'?: (string);
  'password'?: (string);
}

export interface LoginRequest__Output {
  'username': (string);
  'password': (string);
}
