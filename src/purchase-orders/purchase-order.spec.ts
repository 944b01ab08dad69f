import { bodyProblems, orderProblems } from './purchase-order.js';

const order = { dealerCode: 'D-001', orderNo: 'PO-2026-001', amount: '400000.00', orderDate: '2026-11-01' };
const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field} ${e.code}`);

describe('purchase order bodies', () => {
  it('take one order named by dealer code or counterparty id', () => {
    expect(orderProblems(order)).toEqual([]);
    const { dealerCode: _d, ...byId } = order;
    expect(orderProblems({ ...byId, counterpartyId: '0b6f1a3e-9c1d-4e6a-8f0e-2a1b3c4d5e6f' })).toEqual([]);
  });

  it('name every bad field of an order', () => {
    expect(codes(orderProblems({ ...order, counterpartyId: 'x', amount: '0', orderDate: '2026-13-01', orderNo: '', extra: 1 }))).toEqual([
      'extra UNKNOWN_FIELD',
      'counterpartyId DEALER_REQUIRED',
      'counterpartyId INVALID_UUID',
      'orderNo INVALID_ORDER_NO',
      'amount INVALID_MONEY',
      'orderDate INVALID_DATE',
    ]);
    expect(codes(orderProblems({ ...order, amount: 400000 }))).toEqual(['amount INVALID_MONEY']);
  });

  it('take a list of orders, each named by its index', () => {
    expect(bodyProblems({ orders: [order, { ...order, orderNo: 'PO 2' }] }).map((e) => e.field)).toEqual(['orders[1].orderNo']);
    expect(codes(bodyProblems({ orders: [] }))).toEqual(['orders INVALID_ARRAY']);
    expect(codes(bodyProblems({ orders: [order], dealerCode: 'D-1' }))).toEqual(['dealerCode UNKNOWN_FIELD']);
    expect(codes(bodyProblems({ orders: new Array(501).fill(order) }))).toEqual(['orders INVALID_ARRAY']);
  });
});
