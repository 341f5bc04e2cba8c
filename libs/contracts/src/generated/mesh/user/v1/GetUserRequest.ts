// Original file: protos/mesh/user/v1/user.proto


export interface GetUserRequest {
  'user_id'?: (string);
}

export interface GetUserRequest__Output {
  'user_id': (string);
}
