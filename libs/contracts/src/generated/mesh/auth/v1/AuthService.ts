// Original file: protos/mesh/auth/v1/auth.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetJwksRequest as _mesh_auth_v1_GetJwksRequest, GetJwksRequest__Output as _mesh_auth_v1_GetJwksRequest__Output } from '../../../mesh/auth/v1/GetJwksRequest';
import type { GetJwksResponse as _mesh_auth_v1_GetJwksResponse, GetJwksResponse__Output as _mesh_auth_v1_GetJwksResponse__Output } from '../../../mesh/auth/v1/GetJwksResponse';
import type { IntrospectRequest as _mesh_auth_v1_IntrospectRequest, IntrospectRequest__Output as _mesh_auth_v1_IntrospectRequest__Output } from '../../../mesh/auth/v1/IntrospectRequest';
import type { IntrospectResponse as _mesh_auth_v1_IntrospectResponse, IntrospectResponse__Output as _mesh_auth_v1_IntrospectResponse__Output } from '../../../mesh/auth/v1/IntrospectResponse';
import type { LoginRequest as _mesh_auth_v1_LoginRequest, LoginRequest__Output as _mesh_auth_v1_LoginRequest__Output } from '../../../mesh/auth/v1/LoginRequest';
import type { LogoutRequest as _mesh_auth_v1_LogoutRequest, LogoutRequest__Output as _mesh_auth_v1_LogoutRequest__Output } from '../../../mesh/auth/v1/LogoutRequest';
import type { LogoutResponse as _mesh_auth_v1_LogoutResponse, LogoutResponse__Output as _mesh_auth_v1_LogoutResponse__Output } from '../../../mesh/auth/v1/LogoutResponse';
import type { RefreshRequest as _mesh_auth_v1_RefreshRequest, RefreshRequest__Output as _mesh_auth_v1_RefreshRequest__Output } from '../../../mesh/auth/v1/RefreshRequest';
import type { RotateKeysRequest as _mesh_auth_v1_RotateKeysRequest, RotateKeysRequest__Output as _mesh_auth_v1_RotateKeysRequest__Output } from '../../../mesh/auth/v1/RotateKeysRequest';
import type { RotateKeysResponse as _mesh_auth_v1_RotateKeysResponse, RotateKeysResponse__Output as _mesh_auth_v1_RotateKeysResponse__Output } from '../../../mesh/auth/v1/RotateKeysResponse';
import type { TokenResponse as _mesh_auth_v1_TokenResponse, TokenResponse__Output as _mesh_auth_v1_TokenResponse__Output } from '../../../mesh/auth/v1/TokenResponse';

export interface AuthServiceClient extends grpc.Client {
  GetJwks(argument: _mesh_auth_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mesh_auth_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mesh_auth_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  GetJwks(argument: _mesh_auth_v1_GetJwksRequest, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mesh_auth_v1_GetJwksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mesh_auth_v1_GetJwksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mesh_auth_v1_GetJwksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  getJwks(argument: _mesh_auth_v1_GetJwksRequest, callback: grpc.requestCallback<_mesh_auth_v1_GetJwksResponse__Output>): grpc.ClientUnaryCall;
  
  Introspect(argument: _mesh_auth_v1_IntrospectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  Introspect(argument: _mesh_auth_v1_IntrospectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  Introspect(argument: _mesh_auth_v1_IntrospectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  Introspect(argument: _mesh_auth_v1_IntrospectRequest, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  introspect(argument: _mesh_auth_v1_IntrospectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  introspect(argument: _mesh_auth_v1_IntrospectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  introspect(argument: _mesh_auth_v1_IntrospectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  introspect(argument: _mesh_auth_v1_IntrospectRequest, callback: grpc.requestCallback<_mesh_auth_v1_IntrospectResponse__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _mesh_auth_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _mesh_auth_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _mesh_auth_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _mesh_auth_v1_LoginRequest, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _mesh_auth_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _mesh_auth_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _mesh_auth_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _mesh_auth_v1_LoginRequest, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _mesh_auth_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mesh_auth_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mesh_auth_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _mesh_auth_v1_LogoutRequest, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _mesh_auth_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _mesh_auth_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _mesh_auth_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _mesh_auth_v1_LogoutRequest, callback: grpc.requestCallback<_mesh_auth_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  Refresh(argument: _mesh_auth_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mesh_auth_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mesh_auth_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _mesh_auth_v1_RefreshRequest, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mesh_auth_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mesh_auth_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mesh_auth_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _mesh_auth_v1_RefreshRequest, callback: grpc.requestCallback<_mesh_auth_v1_TokenResponse__Output>): grpc.ClientUnaryCall;
  
  RotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  RotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  RotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  RotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  rotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  rotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  rotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  rotateKeys(argument: _mesh_auth_v1_RotateKeysRequest, callback: grpc.requestCallback<_mesh_auth_v1_RotateKeysResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AuthServiceHandlers extends grpc.UntypedServiceImplementation {
  GetJwks: grpc.handleUnaryCall<_mesh_auth_v1_GetJwksRequest__Output, _mesh_auth_v1_GetJwksResponse>;
  
  Introspect: grpc.handleUnaryCall<_mesh_auth_v1_IntrospectRequest__Output, _mesh_auth_v1_IntrospectResponse>;
  
  Login: grpc.handleUnaryCall<_mesh_auth_v1_LoginRequest__Output, _mesh_auth_v1_TokenResponse>;
  
  Logout: grpc.handleUnaryCall<_mesh_auth_v1_LogoutRequest__Output, _mesh_auth_v1_LogoutResponse>;
  
  Refresh: grpc.handleUnaryCall<_mesh_auth_v1_RefreshRequest__Output, _mesh_auth_v1_TokenResponse>;
  
  RotateKeys: grpc.handleUnaryCall<_mesh_auth_v1_RotateKeysRequest__Output, _mesh_auth_v1_RotateKeysResponse>;
  
}

export interface AuthServiceDefinition extends grpc.ServiceDefinition {
  GetJwks: MethodDefinition<_mesh_auth_v1_GetJwksRequest, _mesh_auth_v1_GetJwksResponse, _mesh_auth_v1_GetJwksRequest__Output, _mesh_auth_v1_GetJwksResponse__Output>
  Introspect: MethodDefinition<_mesh_auth_v1_IntrospectRequest, _mesh_auth_v1_IntrospectResponse, _mesh_auth_v1_IntrospectRequest__Output, _mesh_auth_v1_IntrospectResponse__Output>
  Login: MethodDefinition<_mesh_auth_v1_LoginRequest, _mesh_auth_v1_TokenResponse, _mesh_auth_v1_LoginRequest__Output, _mesh_auth_v1_TokenResponse__Output>
  Logout: MethodDefinition<_mesh_auth_v1_LogoutRequest, _mesh_auth_v1_LogoutResponse, _mesh_auth_v1_LogoutRequest__Output, _mesh_auth_v1_LogoutResponse__Output>
  Refresh: MethodDefinition<_mesh_auth_v1_RefreshRequest, _mesh_auth_v1_TokenResponse, _mesh_auth_v1_RefreshRequest__Output, _mesh_auth_v1_TokenResponse__Output>
  RotateKeys: MethodDefinition<_mesh_auth_v1_RotateKeysRequest, _mesh_auth_v1_RotateKeysResponse, _mesh_auth_v1_RotateKeysRequest__Output, _mesh_auth_v1_RotateKeysResponse__Output>
}
