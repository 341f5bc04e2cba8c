// Original file: protos/mesh/auth/v1/auth.proto


export interface RotateKeysRequest {
}

export interface RotateKeysRequest__Output {
}
