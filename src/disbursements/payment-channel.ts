import type { AppConfig } from '../config/app-config.js';
import { type BankSimService, SimTimeoutError } from '../bank-sim/bank-sim.service.js';

/**
 * The port through which money leaves: a credit transfer identified by its endToEndId, which the bank
 * books at most once, and a status query by the same id. Adapters: the in-process bank simulator, or
 * any bank (or the simulator in its own process) over HTTP at BANK_URL.
 */
export interface TransferInstruction {
  endToEndId: string;
  /** The loan application id (pain.001 RmtInf/Ustrd). */
  reference: string;
  amount: string;
  creditorAccount: string;
  creditorName: string;
}

export interface TransferOutcome {
  endToEndId: string;
  status: 'SETTLED' | 'REJECTED';
  reasonCode: string | null;
  reasonText: string | null;
}

export interface PaymentChannel {
  /** Throws ChannelTimeoutError when the outcome is unknown (ask status(), never pay with a new id). */
  credit(t: TransferInstruction): Promise<TransferOutcome>;
  /** null when the bank has no transfer with this id. */
  status(endToEndId: string): Promise<TransferOutcome | null>;
}

export const PAYMENT_CHANNEL = Symbol('PAYMENT_CHANNEL');

/** The call's fate is unknown: it may or may not have been booked. */
export class ChannelTimeoutError extends Error {
  constructor(message = 'payment channel time-out') {
    super(message);
    this.name = 'ChannelTimeoutError';
  }
}

export class InProcessBankChannel implements PaymentChannel {
  constructor(private readonly bank: BankSimService) {}

  async credit(t: TransferInstruction): Promise<TransferOutcome> {
    try {
      const r = await this.bank.credit(t);
      return { endToEndId: r.endToEndId, status: r.status, reasonCode: r.reasonCode, reasonText: r.reasonText };
    } catch (e) {
      if (e instanceof SimTimeoutError) throw new ChannelTimeoutError();
      throw e;
    }
  }

  async status(endToEndId: string): Promise<TransferOutcome | null> {
    const r = await this.bank.status(endToEndId);
    return r && { endToEndId: r.endToEndId, status: r.status, reasonCode: r.reasonCode, reasonText: r.reasonText };
  }
}

export class HttpBankChannel implements PaymentChannel {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly timeoutMs: number,
  ) {}

  private async call(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(new URL(path, this.baseUrl), {
        ...init,
        headers: { 'content-type': 'application/json', 'x-bank-sim-key': this.apiKey, ...(init.headers ?? {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      // A time-out, a reset or a refused connection: either way we do not know what the bank did.
      throw new ChannelTimeoutError(`payment channel unreachable: ${(e as Error).message}`);
    }
  }

  async credit(t: TransferInstruction): Promise<TransferOutcome> {
    const res = await this.call('/bank-sim/transfers', { method: 'POST', body: JSON.stringify(t) });
    if (res.status === 504 || res.status >= 500) throw new ChannelTimeoutError(`payment channel answered ${res.status}`);
    if (!res.ok) throw new Error(`payment channel refused the instruction: ${res.status} ${await res.text()}`);
    const r = (await res.json()) as TransferOutcome;
    return { endToEndId: r.endToEndId, status: r.status, reasonCode: r.reasonCode ?? null, reasonText: r.reasonText ?? null };
  }

  async status(endToEndId: string): Promise<TransferOutcome | null> {
    const res = await this.call(`/bank-sim/transfers/${encodeURIComponent(endToEndId)}`, { method: 'GET' });
    if (res.status === 404) return null;
    if (!res.ok) throw new ChannelTimeoutError(`payment channel answered ${res.status}`);
    const r = (await res.json()) as TransferOutcome;
    return { endToEndId: r.endToEndId, status: r.status, reasonCode: r.reasonCode ?? null, reasonText: r.reasonText ?? null };
  }
}

export function createPaymentChannel(config: AppConfig, bank: BankSimService | undefined): PaymentChannel {
  if (config.bankUrl) return new HttpBankChannel(config.bankUrl, config.bankSimApiKey, config.bankTimeoutMs);
  if (!bank) throw new Error('no BANK_URL and no in-process bank simulator');
  return new InProcessBankChannel(bank);
}
