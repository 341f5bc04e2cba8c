import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { ListOrdersRequest__Output, ListOrdersResponse } from '@jwt-mesh/contracts';
import { PermissionDeniedError } from '../domain/errors';
import { decodePageToken, encodePageToken } from '../domain/page-token';
import { validateId, validatePageSize } from '../domain/validate';
import type { OrderStore } from '../store/order-store';
import { callerOf, toOrderMessage } from './order-message';

/** The caller's orders newest first; an admin may name another `user_id`. Keyset-paginated. */
export function listOrders(deps: { store: OrderStore }) {
  return async (
    call: ServerUnaryCall<ListOrdersRequest__Output, ListOrdersResponse>,
  ): Promise<ListOrdersResponse> => {
    const caller = callerOf(call);
    const req = call.request;
    const userId = req.user_id ? validateId('user_id', req.user_id) : caller.subject;
    if (userId !== caller.subject && !caller.isAdmin) {
      throw new PermissionDeniedError('user_id: may only list your own orders');
    }
    const limit = validatePageSize(req.page_size);
    const cursor = decodePageToken(req.page_token, userId);
    const rows = deps.store.listByUser(userId, limit + 1, cursor?.beforeSeq);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      orders: page.map(toOrderMessage),
      next_page_token:
        rows.length > limit && last ? encodePageToken({ userId, beforeSeq: last.seq }) : '',
    };
  };
}
