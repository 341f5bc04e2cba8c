// Original file: protos/mesh/user/v1/user.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetMeRequest as _mesh_user_v1_GetMeRequest, GetMeRequest__Output as _mesh_user_v1_GetMeRequest__Output } from '../../../mesh/user/v1/GetMeRequest';
import type { GetUserRequest as _mesh_user_v1_GetUserRequest, GetUserRequest__Output as _mesh_user_v1_GetUserRequest__Output } from '../../../mesh/user/v1/GetUserRequest';
import type { ListUsersRequest as _mesh_user_v1_ListUsersRequest, ListUsersRequest__Output as _mesh_user_v1_ListUsersRequest__Output } from '../../../mesh/user/v1/ListUsersRequest';
import type { ListUsersResponse as _mesh_user_v1_ListUsersResponse, ListUsersResponse__Output as _mesh_user_v1_ListUsersResponse__Output } from '../../../mesh/user/v1/ListUsersResponse';
import type { User as _mesh_user_v1_User, User__Output as _mesh_user_v1_User__Output } from '../../../mesh/user/v1/User';

export interface UserServiceClient extends grpc.Client {
  GetMe(argument: _mesh_user_v1_GetMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _mesh_user_v1_GetMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _mesh_user_v1_GetMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _mesh_user_v1_GetMeRequest, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _mesh_user_v1_GetMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _mesh_user_v1_GetMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _mesh_user_v1_GetMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getMe(argument: _mesh_user_v1_GetMeRequest, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  
  GetUser(argument: _mesh_user_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mesh_user_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mesh_user_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _mesh_user_v1_GetUserRequest, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mesh_user_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mesh_user_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mesh_user_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _mesh_user_v1_GetUserRequest, callback: grpc.requestCallback<_mesh_user_v1_User__Output>): grpc.ClientUnaryCall;
  
  ListUsers(argument: _mesh_user_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _mesh_user_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _mesh_user_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _mesh_user_v1_ListUsersRequest, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _mesh_user_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _mesh_user_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _mesh_user_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _mesh_user_v1_ListUsersRequest, callback: grpc.requestCallback<_mesh_user_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface UserServiceHandlers extends grpc.UntypedServiceImplementation {
  GetMe: grpc.handleUnaryCall<_mesh_user_v1_GetMeRequest__Output, _mesh_user_v1_User>;
  
  GetUser: grpc.handleUnaryCall<_mesh_user_v1_GetUserRequest__Output, _mesh_user_v1_User>;
  
  ListUsers: grpc.handleUnaryCall<_mesh_user_v1_ListUsersRequest__Output, _mesh_user_v1_ListUsersResponse>;
  
}

export interface UserServiceDefinition extends grpc.ServiceDefinition {
  GetMe: MethodDefinition<_mesh_user_v1_GetMeRequest, _mesh_user_v1_User, _mesh_user_v1_GetMeRequest__Output, _mesh_user_v1_User__Output>
  GetUser: MethodDefinition<_mesh_user_v1_GetUserRequest, _mesh_user_v1_User, _mesh_user_v1_GetUserRequest__Output, _mesh_user_v1_User__Output>
  ListUsers: MethodDefinition<_mesh_user_v1_ListUsersRequest, _mesh_user_v1_ListUsersResponse, _mesh_user_v1_ListUsersRequest__Output, _mesh_user_v1_ListUsersResponse__Output>
}
