import { clientAddress } from './client-address.js';

const from = (ip: string | undefined, remoteAddress?: string) => clientAddress({ ip, socket: { remoteAddress } as never });

describe('clientAddress', () => {
  it('keeps an IPv4 address, also one mapped into IPv6', () => {
    expect(from('203.0.113.7')).toBe('203.0.113.7');
    expect(from('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 client by its /64', () => {
    expect(from('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(from('2001:db8:1:2:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(from('::1')).toBe('::1');
  });

  it('falls back to the socket, and calls anything that is not an address unknown', () => {
    expect(from(undefined, '198.51.100.9')).toBe('198.51.100.9');
    expect(from(undefined, undefined)).toBe('unknown');
    expect(from('x'.repeat(5000))).toBe('unknown');
    expect(from('203.0.113.7, 10.0.0.1')).toBe('unknown');
  });
});
