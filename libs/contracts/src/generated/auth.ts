import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuthServiceClient as _mesh_auth_v1_AuthServiceClient, AuthServiceDefinition as _mesh_auth_v1_AuthServiceDefinition } from './mesh/auth/v1/AuthService';
import type { GetJwksRequest as _mesh_auth_v1_GetJwksRequest, GetJwksRequest__Output as _mesh_auth_v1_GetJwksRequest__Output } from './mesh/auth/v1/GetJwksRequest';
import type { GetJwksResponse as _mesh_auth_v1_GetJwksResponse, GetJwksResponse__Output as _mesh_auth_v1_GetJwksResponse__Output } from './mesh/auth/v1/GetJwksResponse';
import type { IntrospectRequest as _mesh_auth_v1_IntrospectRequest, IntrospectRequest__Output as _mesh_auth_v1_IntrospectRequest__Output } from './mesh/auth/v1/IntrospectRequest';
import type { IntrospectResponse as _mesh_auth_v1_IntrospectResponse, IntrospectResponse__Output as _mesh_auth_v1_IntrospectResponse__Output } from './mesh/auth/v1/IntrospectResponse';
import type { LoginRequest as _mesh_auth_v1_LoginRequest, LoginRequest__Output as _mesh_auth_v1_LoginRequest__Output } from './mesh/auth/v1/LoginRequest';
import type { LogoutRequest as _mesh_auth_v1_LogoutRequest, LogoutRequest__Output as _mesh_auth_v1_LogoutRequest__Output } from './mesh/auth/v1/LogoutRequest';
import type { LogoutResponse as _mesh_auth_v1_LogoutResponse, LogoutResponse__Output as _mesh_auth_v1_LogoutResponse__Output } from './mesh/auth/v1/LogoutResponse';
import type { RefreshRequest as _mesh_auth_v1_RefreshRequest, RefreshRequest__Output as _mesh_auth_v1_RefreshRequest__Output } from './mesh/auth/v1/RefreshRequest';
import type { RotateKeysRequest as _mesh_auth_v1_RotateKeysRequest, RotateKeysRequest__Output as _mesh_auth_v1_RotateKeysRequest__Output } from './mesh/auth/v1/RotateKeysRequest';
import type { RotateKeysResponse as _mesh_auth_v1_RotateKeysResponse, RotateKeysResponse__Output as _mesh_auth_v1_RotateKeysResponse__Output } from './mesh/auth/v1/RotateKeysResponse';
import type { TokenResponse as _mesh_auth_v1_TokenResponse, TokenResponse__Output as _mesh_auth_v1_TokenResponse__Output } from './mesh/auth/v1/TokenResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mesh: {
    auth: {
      v1: {
        AuthService: SubtypeConstructor<typeof grpc.Client, _mesh_auth_v1_AuthServiceClient> & { service: _mesh_auth_v1_AuthServiceDefinition }
        GetJwksRequest: MessageTypeDefinition<_mesh_auth_v1_GetJwksRequest, _mesh_auth_v1_GetJwksRequest__Output>
        GetJwksResponse: MessageTypeDefinition<_mesh_auth_v1_GetJwksResponse, _mesh_auth_v1_GetJwksResponse__Output>
        IntrospectRequest: MessageTypeDefinition<_mesh_auth_v1_IntrospectRequest, _mesh_auth_v1_IntrospectRequest__Output>
        IntrospectResponse: MessageTypeDefinition<_mesh_auth_v1_IntrospectResponse, _mesh_auth_v1_IntrospectResponse__Output>
        LoginRequest: MessageTypeDefinition<_mesh_auth_v1_LoginRequest, _mesh_auth_v1_LoginRequest__Output>
        LogoutRequest: MessageTypeDefinition<_mesh_auth_v1_LogoutRequest, _mesh_auth_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_mesh_auth_v1_LogoutResponse, _mesh_auth_v1_LogoutResponse__Output>
        RefreshRequest: MessageTypeDefinition<_mesh_auth_v1_RefreshRequest, _mesh_auth_v1_RefreshRequest__Output>
        RotateKeysRequest: MessageTypeDefinition<_mesh_auth_v1_RotateKeysRequest, _mesh_auth_v1_RotateKeysRequest__Output>
        RotateKeysResponse: MessageTypeDefinition<_mesh_auth_v1_RotateKeysResponse, _mesh_auth_v1_RotateKeysResponse__Output>
        TokenResponse: MessageTypeDefinition<_mesh_auth_v1_TokenResponse, _mesh_auth_v1_TokenResponse__Output>
      }
    }
  }
}

