import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { ListUsersRequest__Output, ListUsersResponse } from '@jwt-mesh/contracts';
import { requireRole } from '@jwt-mesh/jwt-interceptor';
import { decodePageToken, encodePageToken } from '../domain/page-token';
import { validatePageSize } from '../domain/user';
import type { UserStore } from '../store/user-store';
import { toUserMessage } from './user-message';

/** Every profile ordered by id, role admin, keyset-paginated. */
export function listUsers(deps: { store: UserStore }) {
  return async (
    call: ServerUnaryCall<ListUsersRequest__Output, ListUsersResponse>,
  ): Promise<ListUsersResponse> => {
    requireRole(call, 'admin');
    const limit = validatePageSize(call.request.page_size);
    const afterId = decodePageToken(call.request.page_token);
    const rows = deps.store.list(limit + 1, afterId);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      users: page.map(toUserMessage),
      next_page_token: rows.length > limit && last ? encodePageToken(last.id) : '',
    };
  };
}
