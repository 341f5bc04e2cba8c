// Original file: protos/mesh/auth/v1/auth.proto


export interface LogoutRequest {
  'refresh_token'?: (string);
}

export interface LogoutRequest__Output {
  'refresh_token': (string);
}
