// Original file: protos/mesh/order/v1/order.proto

export const OrderStatus = {
  ORDER_STATUS_UNSPECIFIED: 'ORDER_STATUS_UNSPECIFIED',
  ORDER_STATUS_PENDING: 'ORDER_STATUS_PENDING',
  ORDER_STATUS_CANCELLED: 'ORDER_STATUS_CANCELLED',
} as const;

export type OrderStatus =
  | 'ORDER_STATUS_UNSPECIFIED'
  | 0
  | 'ORDER_STATUS_PENDING'
  | 1
  | 'ORDER_STATUS_CANCELLED'
  | 2

export type OrderStatus__Output = typeof OrderStatus[keyof typeof OrderStatus]
