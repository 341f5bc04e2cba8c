import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetMeRequest as _mesh_user_v1_GetMeRequest, GetMeRequest__Output as _mesh_user_v1_GetMeRequest__Output } from './mesh/user/v1/GetMeRequest';
import type { GetUserRequest as _mesh_user_v1_GetUserRequest, GetUserRequest__Output as _mesh_user_v1_GetUserRequest__Output } from './mesh/user/v1/GetUserRequest';
import type { ListUsersRequest as _mesh_user_v1_ListUsersRequest, ListUsersRequest__Output as _mesh_user_v1_ListUsersRequest__Output } from './mesh/user/v1/ListUsersRequest';
import type { ListUsersResponse as _mesh_user_v1_ListUsersResponse, ListUsersResponse__Output as _mesh_user_v1_ListUsersResponse__Output } from './mesh/user/v1/ListUsersResponse';
import type { User as _mesh_user_v1_User, User__Output as _mesh_user_v1_User__Output } from './mesh/user/v1/User';
import type { UserServiceClient as _mesh_user_v1_UserServiceClient, UserServiceDefinition as _mesh_user_v1_UserServiceDefinition } from './mesh/user/v1/UserService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mesh: {
    user: {
      v1: {
        GetMeRequest: MessageTypeDefinition<_mesh_user_v1_GetMeRequest, _mesh_user_v1_GetMeRequest__Output>
        GetUserRequest: MessageTypeDefinition<_mesh_user_v1_GetUserRequest, _mesh_user_v1_GetUserRequest__Output>
        ListUsersRequest: MessageTypeDefinition<_mesh_user_v1_ListUsersRequest, _mesh_user_v1_ListUsersRequest__Output>
        ListUsersResponse: MessageTypeDefinition<_mesh_user_v1_ListUsersResponse, _mesh_user_v1_ListUsersResponse__Output>
        User: MessageTypeDefinition<_mesh_user_v1_User, _mesh_user_v1_User__Output>
        UserService: SubtypeConstructor<typeof grpc.Client, _mesh_user_v1_UserServiceClient> & { service: _mesh_user_v1_UserServiceDefinition }
      }
    }
  }
}

