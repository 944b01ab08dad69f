import { isIsoDate } from '../common/business-date.js';
import type { FieldError } from '../common/errors.js';
import { MONEY_PATTERN } from '../common/money.js';
import { UUID_PATTERN } from '../common/identifiers.js';

/** A purchase order as the core enterprise confirms it (api.md "Counterparties, attributes and dealers"). */
export interface OrderInput {
  counterpartyId?: string;
  dealerCode?: string;
  orderNo: string;
  amount: string;
  orderDate: string;
}

export const MAX_ORDERS = 500;
const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;
const KEYS = new Set(['counterpartyId', 'dealerCode', 'orderNo', 'amount', 'orderDate']);

/** One order's problems, its fields named under `at` ('' for a single order, 'orders[3].' in a list). */
export function orderProblems(input: unknown, at = ''): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, code: string, message: string) => errors.push({ field: `${at}${field}`, code, message });
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return [
      {
        field: at ? at.slice(0, -1) : 'body',
        code: 'INVALID_OBJECT',
        message: 'an order is {counterpartyId or dealerCode, orderNo, amount, orderDate}',
      },
    ];
  }
  const o = input as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.has(k)) err(k, 'UNKNOWN_FIELD', `${k} is not an order field`);
  const byId = o.counterpartyId !== undefined;
  const byCode = o.dealerCode !== undefined;
  if (byId === byCode) err('counterpartyId', 'DEALER_REQUIRED', 'name the dealer by counterpartyId or by dealerCode, one of the two');
  if (byId && (typeof o.counterpartyId !== 'string' || !UUID_PATTERN.test(o.counterpartyId)))
    err('counterpartyId', 'INVALID_UUID', 'counterpartyId must be a UUID');
  if (byCode && (typeof o.dealerCode !== 'string' || !ORDER_NO.test(o.dealerCode)))
    err('dealerCode', 'INVALID_CODE', 'dealerCode is 1-64 letters, digits, "-" or "_"');
  if (typeof o.orderNo !== 'string' || !ORDER_NO.test(o.orderNo))
    err('orderNo', 'INVALID_ORDER_NO', 'orderNo is 1-64 letters, digits, "-" or "_"');
  if (typeof o.amount !== 'string' || !MONEY_PATTERN.test(o.amount) || /^0(\.0+)?$/.test(o.amount))
    err('amount', 'INVALID_MONEY', 'amount must be a positive decimal string with at most 2 decimals, such as "850000.00"');
  if (typeof o.orderDate !== 'string' || !isIsoDate(o.orderDate)) err('orderDate', 'INVALID_DATE', 'orderDate must be a YYYY-MM-DD date');
  return errors;
}

/** A body of one order, or {orders: [...]}: its problems, every field named. */
export function bodyProblems(body: unknown): FieldError[] {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'orders' in body) {
    const { orders, ...rest } = body as { orders: unknown };
    const errors: FieldError[] = Object.keys(rest).map((k) => ({
      field: k,
      code: 'UNKNOWN_FIELD',
      message: `${k} is not allowed beside orders`,
    }));
    if (!Array.isArray(orders) || orders.length === 0 || orders.length > MAX_ORDERS)
      return [...errors, { field: 'orders', code: 'INVALID_ARRAY', message: `orders must be a list of 1 to ${MAX_ORDERS} orders` }];
    return [...errors, ...orders.flatMap((o, i) => orderProblems(o, `orders[${i}].`))];
  }
  return orderProblems(body);
}
