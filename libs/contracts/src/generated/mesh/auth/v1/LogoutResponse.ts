// Original file: protos/mesh/auth/v1/auth.proto


export interface LogoutResponse {
}

export interface LogoutResponse__Output {
}
