import { normalizeIp } from '@nestjs/throttler/dist/ip.js';
import type { Request } from 'express';
import { isIP } from 'node:net';

/**
 * The caller's address as the rate limits and the login counters know it. X-Forwarded-For counts
 * only through the proxies TRUST_PROXY names (express's req.ip). An IPv6 client is counted by its
 * /64, the block one host usually holds, so that it cannot take a fresh address per attempt.
 * Anything that is not an address (a proxy passing garbage along) is one shared 'unknown'.
 */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'>): string {
  const address = normalizeIp(req.ip ?? req.socket?.remoteAddress ?? '', 64);
  return typeof address === 'string' && isIP(address.split('/')[0]) ? address : 'unknown';
}
