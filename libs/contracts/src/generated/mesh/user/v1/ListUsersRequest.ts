// Original file: protos/mesh/user/v1/user.proto


export interface ListUsersRequest {
  'page_size'?: (number);
  'page_token'?: (string);
}

export interface ListUsersRequest__Output {
  'page_size': (number);
  'page_token': (string);
}
