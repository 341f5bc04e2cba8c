// Original file: protos/mesh/auth/v1/auth.proto


export interface GetJwksResponse {
  'jwks_json'?: (string);
}

export interface GetJwksResponse__Output {
  'jwks_json': (string);
}
