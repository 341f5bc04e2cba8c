// Original file: protos/mesh/user/v1/user.proto

import type { User as _mesh_user_v1_User, User__Output as _mesh_user_v1_User__Output } from '../../../mesh/user/v1/User';

export interface ListUsersResponse {
  'users'?: (_mesh_user_v1_User)[];
  'next_page_token'?: (string);
}

export interface ListUsersResponse__Output {
  'users': (_mesh_user_v1_User__Output)[];
  'next_page_token': (string);
}
