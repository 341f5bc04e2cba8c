// Original file: protos/mesh/auth/v1/auth.proto


export interface GetJwksRequest {
}

export interface GetJwksRequest__Output {
}
