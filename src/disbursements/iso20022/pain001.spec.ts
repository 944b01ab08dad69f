import { XMLParser } from 'fast-xml-parser';
import { Pain001Error, buildPain001, type Pain001Input, type Pain001Transaction } from './pain001.js';
import { xsdErrors } from './xsd-validate.spec-helper.js';

const CHINESE_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
// A resident-ID-shaped run: region, a 19xx/20xx birth date, sequence, check character, not part of a
// longer digit run (a 19-digit card number must not count).
const RESIDENT_ID_SHAPE = /(?<![0-9])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/;

function tx(i: number, over: Partial<Pain001Transaction> = {}): Pain001Transaction {
  return {
    endToEndId: `E2E-20250601-${String(i).padStart(6, '0')}`,
    amount: '125000.00',
    creditorName: `${CHINESE_SURNAMES[i % CHINESE_SURNAMES.length]}家牧场${i}`,
    // 19-digit card numbers: digit runs longer than a resident ID.
    creditorAccount: `622848040256${String(i).padStart(7, '0')}`,
    creditorAgentName: '中国农业银行呼和浩特分行',
    remittanceInformation: `LA-${String(i).padStart(8, '0')}`,
    ...over,
  };
}

function input(transactions: Pain001Transaction[], over: Partial<Pain001Input> = {}): Pain001Input {
  return {
    messageId: 'DB-2025-0601-0001',
    createdAt: new Date('2025-06-01T08:30:00.123Z'),
    initiatingPartyName: '内蒙古某农商银行',
    paymentInformationId: 'DB-2025-0601-0001-P1',
    requestedExecutionDate: '2025-06-02',
    debtor: { name: '内蒙古某农商银行 贷款发放专户', account: '15010201040012345', agentBic: 'ABOCCNBJ050' },
    transactions,
    ...over,
  };
}

const reader = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' });

function parsed(xml: string) {
  const doc = reader.parse(xml) as {
    Document: {
      CstmrCdtTrfInitn: {
        GrpHdr: { NbOfTxs: string; CtrlSum: string; InitgPty: { Nm: string } };
        PmtInf: {
          NbOfTxs: string;
          CtrlSum: string;
          DbtrAgt: { FinInstnId: Record<string, unknown> };
          CdtTrfTxInf: Array<{
            PmtId: { EndToEndId: string };
            Amt: { InstdAmt: { '#text': string; '@_Ccy': string } };
            CdtrAgt?: { FinInstnId: { Nm: string } };
            Cdtr: { Nm: string };
            CdtrAcct: { Id: { Othr: { Id: string } } };
            RmtInf: { Ustrd: string };
          }>;
        };
      };
    };
  };
  return doc.Document.CstmrCdtTrfInitn;
}

function errorOf(fn: () => unknown): Pain001Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Pain001Error) return e;
    throw e;
  }
  throw new Error('expected a Pain001Error');
}

describe('buildPain001', () => {
  it('writes a schema-valid file for one transaction', async () => {
    const xml = buildPain001(input([tx(1)]));
    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">'),
    ).toBe(true);
    expect(xml).toContain('<CreDtTm>2025-06-01T08:30:00Z</CreDtTm>');
    expect(xml).toContain('<ReqdExctnDt><Dt>2025-06-02</Dt></ReqdExctnDt>');
    expect(xml).toContain('<ChrgBr>SLEV</ChrgBr>');
    const doc = parsed(xml);
    const t = doc.PmtInf.CdtTrfTxInf[0];
    expect(t.Amt.InstdAmt).toEqual({ '#text': '125000.00', '@_Ccy': 'CNY' });
    expect(t.CdtrAcct.Id.Othr.Id).toBe('6228480402560000001');
    expect(t.CdtrAgt?.FinInstnId.Nm).toBe('中国农业银行呼和浩特分行');
  });

  it('is checked by a validator that does reject a wrong element order', async () => {
    const xml = buildPain001(input([tx(1)])).replace(/(<CdtrAgt>.*<\/CdtrAgt>\n)(\s*<Cdtr>.*<\/Cdtr>\n)/, '$2$1');
    expect(xml).toMatch(/<\/Cdtr>\n\s*<CdtrAgt>/);
    expect((await xsdErrors(xml, 'pain.001.001.09')).join('\n')).toMatch(/CdtrAgt/);
  });

  it.each([
    ['a BIC', { agentBic: 'ABOCCNBJ' }, { BICFI: 'ABOCCNBJ' }],
    ['a clearing member id', { agentMemberId: '103191000019' }, { ClrSysMmbId: { MmbId: '103191000019' } }],
    ['nothing', {}, { Othr: { Id: 'NOTPROVIDED' } }],
  ])('identifies the debtor agent by %s', async (_, agent, finInstnId) => {
    const xml = buildPain001(input([tx(1)], { debtor: { name: '某农商银行', account: '15010201040012345', ...agent } }));
    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    expect(parsed(xml).PmtInf.DbtrAgt.FinInstnId).toEqual(finInstnId);
  });

  it('leaves CdtrAgt out when the bank name is unknown or blank', async () => {
    const xml = buildPain001(input([tx(1, { creditorAgentName: undefined }), tx(2, { creditorAgentName: '  ' })]));
    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    expect(xml).not.toContain('<CdtrAgt>');
  });

  it('writes 1,000 transactions with Chinese names, XML special characters and over-long names, valid against the schema', async () => {
    const longName = '呼和浩特市赛罕区'.repeat(25); // 200 characters
    const special = `A&B <Dairy> "Co" 'Ltd'`;
    const txs = Array.from({ length: 1000 }, (_, i) =>
      tx(i, {
        creditorName: i === 7 ? longName : i === 8 ? special : tx(i).creditorName,
        creditorAgentName: i === 9 ? `${special} ${longName}` : '中国邮政储蓄银行',
      }),
    );
    const xml = buildPain001(input(txs, { initiatingPartyName: special }));
    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    expect(xml).toContain('A&amp;B &lt;Dairy&gt; &quot;Co&quot; &apos;Ltd&apos;');

    const doc = parsed(xml);
    const out = doc.PmtInf.CdtTrfTxInf;
    expect(out).toHaveLength(1000);
    expect(doc.GrpHdr.InitgPty.Nm).toBe(special);
    expect(out[8].Cdtr.Nm).toBe(special);
    expect(out[7].Cdtr.Nm).toBe(longName.slice(0, 140));
    expect(Array.from(out[9].CdtrAgt?.FinInstnId.Nm ?? '')).toHaveLength(140);
    expect(out[3].Cdtr.Nm).toBe('刘家牧场3');
  });

  it('cuts an over-long name at a code point, never inside a surrogate pair', async () => {
    // U+2A6A5 and friends (CJK extension B) occur in real Chinese names and take two UTF-16 units.
    const rare = '𪚥';
    const name = 'a' + rare.repeat(150);
    const xml = buildPain001(input([tx(1, { creditorName: name })]));
    expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
    const written = parsed(xml).PmtInf.CdtTrfTxInf[0].Cdtr.Nm;
    expect(Array.from(written)).toHaveLength(140);
    expect(written).toBe('a' + rare.repeat(139));
    expect(written.endsWith(rare)).toBe(true);
  });

  it('joins line breaks in names into single spaces', () => {
    const xml = buildPain001(input([tx(1, { creditorName: '  张三\r\n 牧场\t ' })]));
    expect(parsed(xml).PmtInf.CdtTrfTxInf[0].Cdtr.Nm).toBe('张三 牧场');
  });

  it('counts transactions and sums amounts to the fen, with no float drift', () => {
    const a = parsed(buildPain001(input([tx(1, { amount: '0.10' }), tx(2, { amount: '0.20' })])));
    expect(0.1 + 0.2).not.toBe(0.3);
    expect([a.GrpHdr.NbOfTxs, a.GrpHdr.CtrlSum, a.PmtInf.NbOfTxs, a.PmtInf.CtrlSum]).toEqual(['2', '0.30', '2', '0.30']);

    const cents = parsed(buildPain001(input(Array.from({ length: 1000 }, (_, i) => tx(i, { amount: '0.01' })))));
    expect([cents.GrpHdr.NbOfTxs, cents.GrpHdr.CtrlSum, cents.PmtInf.CtrlSum]).toEqual(['1000', '10.00', '10.00']);

    const largest = parsed(buildPain001(input([tx(1, { amount: '9999999999999999.98' }), tx(2, { amount: '0.01' })])));
    expect(largest.GrpHdr.CtrlSum).toBe('9999999999999999.99');
  });

  it('writes amounts with two decimals', () => {
    const out = parsed(buildPain001(input([tx(1, { amount: '100' }), tx(2, { amount: '100.5' })]))).PmtInf;
    expect(out.CdtTrfTxInf.map((t) => t.Amt.InstdAmt['#text'])).toEqual(['100.00', '100.50']);
    expect(out.CtrlSum).toBe('200.50');
  });

  it('carries each EndToEndId and loan application id', () => {
    const txs = Array.from({ length: 50 }, (_, i) => tx(i));
    const out = parsed(buildPain001(input(txs))).PmtInf.CdtTrfTxInf;
    expect(out.map((t) => t.PmtId.EndToEndId)).toEqual(txs.map((t) => t.endToEndId));
    expect(out.map((t) => t.RmtInf.Ustrd)).toEqual(txs.map((t) => t.remittanceInformation));
  });

  it('contains no resident ID when the inputs carry none, even if a caller spreads a supplier record into a transaction', () => {
    const residentId = '150102199003074377';
    expect(RESIDENT_ID_SHAPE.test(`x${residentId}x`)).toBe(true);
    const supplier = { idNumber: residentId, legalRepIdNumber: '15010219850101001X', phone: '13800138000' };
    const txs = Array.from({ length: 200 }, (_, i) => ({ ...supplier, ...tx(i) }));
    const xml = buildPain001(input(txs));
    expect(xml).not.toMatch(RESIDENT_ID_SHAPE);
    expect(xml).not.toContain(residentId);
    expect(xml).not.toContain('15010219850101001X');
    expect(xml).not.toContain('13800138000');
  });

  it('writes 10,000 transactions', () => {
    const doc = parsed(buildPain001(input(Array.from({ length: 10_000 }, (_, i) => tx(i, { amount: '1234.56' })))));
    expect(doc.PmtInf.CdtTrfTxInf).toHaveLength(10_000);
    expect(doc.GrpHdr.CtrlSum).toBe('12345600.00');
  });

  describe('refuses bad input', () => {
    it('an empty transaction list', () => {
      expect(errorOf(() => buildPain001(input([])))).toMatchObject({ code: 'NO_TRANSACTIONS', field: 'transactions' });
    });

    it.each(['1.234', '-1.00', '1e3', '0x10', ' 1.00', '1,000.00', '', 'abc', '12345678901234567.00', 1.5, null])('amount %p', (amount) => {
      const e = errorOf(() => buildPain001(input([tx(1), tx(2, { amount: amount as string })])));
      expect(e).toMatchObject({ code: 'INVALID_AMOUNT', field: 'transactions[1].amount' });
      expect(e.message).toMatch(/not a money amount/);
    });

    it('a zero amount', () => {
      expect(errorOf(() => buildPain001(input([tx(1, { amount: '0.00' })])))).toMatchObject({ code: 'INVALID_AMOUNT' });
    });

    it('a total beyond 18 digits', () => {
      const e = errorOf(() => buildPain001(input([tx(1, { amount: '9999999999999999.99' }), tx(2, { amount: '0.01' })])));
      expect(e).toMatchObject({ code: 'INVALID_AMOUNT', field: 'transactions' });
    });

    it('ids longer than 35 characters, counted in characters', () => {
      expect(() => buildPain001(input([tx(1, { endToEndId: 'E'.repeat(35) })]))).not.toThrow();
      expect(() => buildPain001(input([tx(1, { endToEndId: '号'.repeat(35) })]))).not.toThrow();
      expect(errorOf(() => buildPain001(input([tx(1, { endToEndId: 'E'.repeat(36) })])))).toMatchObject({
        code: 'INVALID_FIELD',
        field: 'transactions[0].endToEndId',
        message: 'transactions[0].endToEndId: is 36 characters long; at most 35 are allowed',
      });
      expect(errorOf(() => buildPain001(input([tx(1)], { messageId: 'M'.repeat(36) })))).toMatchObject({ field: 'messageId' });
      expect(errorOf(() => buildPain001(input([tx(1)], { paymentInformationId: 'P'.repeat(36) })))).toMatchObject({
        field: 'paymentInformationId',
      });
    });

    it('nothing for ids of up to 35 characters outside the Basic Multilingual Plane', async () => {
      const xml = buildPain001(input([tx(1, { endToEndId: '𪚥'.repeat(35) })]));
      expect(await xsdErrors(xml, 'pain.001.001.09')).toEqual([]);
      expect(errorOf(() => buildPain001(input([tx(1, { endToEndId: '𪚥'.repeat(36) })])))).toMatchObject({
        field: 'transactions[0].endToEndId',
      });
    });

    it('an account longer than 34 characters', () => {
      expect(errorOf(() => buildPain001(input([tx(1, { creditorAccount: '6'.repeat(35) })])))).toMatchObject({
        field: 'transactions[0].creditorAccount',
      });
    });

    it('a loan reference that would not fit, rather than cutting it', () => {
      expect(errorOf(() => buildPain001(input([tx(1, { remittanceInformation: 'L'.repeat(141) })])))).toMatchObject({
        field: 'transactions[0].remittanceInformation',
      });
    });

    it('a repeated EndToEndId', () => {
      expect(errorOf(() => buildPain001(input([tx(1), tx(2), tx(1)])))).toMatchObject({
        code: 'DUPLICATE_END_TO_END_ID',
        field: 'transactions[2].endToEndId',
      });
    });

    it.each([
      ['empty id', { endToEndId: '' }, 'transactions[0].endToEndId'],
      ['id with a line break', { endToEndId: 'E1\n' }, 'transactions[0].endToEndId'],
      ['id with surrounding spaces', { endToEndId: ' E1' }, 'transactions[0].endToEndId'],
      ['creditor name that is no string', { creditorName: 42 as unknown as string }, 'transactions[0].creditorName'],
      ['blank creditor name', { creditorName: ' \t ' }, 'transactions[0].creditorName'],
      ['creditor name of ideographic spaces only', { creditorName: '\u3000'.repeat(150) }, 'transactions[0].creditorName'],
      ['missing creditor name', { creditorName: undefined as unknown as string }, 'transactions[0].creditorName'],
      ['control character in a name', { creditorName: 'A\u0001B' }, 'transactions[0].creditorName'],
      ['unpaired surrogate in a name', { creditorName: 'A\uD842B' }, 'transactions[0].creditorName'],
    ])('%s', (_, over, field) => {
      expect(errorOf(() => buildPain001(input([tx(1, over)])))).toMatchObject({ code: 'INVALID_FIELD', field });
    });

    it.each([
      ['execution date that does not exist', { requestedExecutionDate: '2025-02-29' }, 'requestedExecutionDate'],
      ['execution date in another format', { requestedExecutionDate: '2025/06/02' }, 'requestedExecutionDate'],
      ['invalid creation time', { createdAt: new Date('nope') }, 'createdAt'],
      ['lower-case BIC', { debtor: { name: 'B', account: '1', agentBic: 'abocCNBJ' } }, 'debtor.agentBic'],
      [
        'clearing member id over 35 characters',
        { debtor: { name: 'B', account: '1', agentMemberId: '1'.repeat(36) } },
        'debtor.agentMemberId',
      ],
      ['missing debtor account', { debtor: { name: 'B', account: '' } }, 'debtor.account'],
    ])('%s', (_, over, field) => {
      expect(errorOf(() => buildPain001(input([tx(1)], over as Partial<Pain001Input>)))).toMatchObject({ code: 'INVALID_FIELD', field });
    });
  });
});
