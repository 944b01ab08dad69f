import { buildPain001 } from './pain001.js';
import { PAIN002_NAMESPACE, Pain002Error, buildPain002, parsePain002, type Pain002Input } from './pain002.js';
import { xsdErrors } from './xsd-validate.spec-helper.js';

const createdAt = new Date('2025-06-02T10:15:00Z');

function report(transactions: Pain002Input['transactions'], over: Partial<Pain002Input> = {}): Pain002Input {
  return {
    messageId: 'BANK-STS-0001',
    createdAt,
    originalMessageId: 'DB-2025-0601-0001',
    originalMessageType: 'pain.001.001.09',
    originalPaymentInformationId: 'DB-2025-0601-0001-P1',
    transactions,
    ...over,
  };
}

function document(body: string, namespace = PAIN002_NAMESPACE): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${namespace}">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>BANK-STS-0002</MsgId><CreDtTm>2025-06-02T10:15:00+08:00</CreDtTm></GrpHdr>
${body}
  </CstmrPmtStsRpt>
</Document>`;
}

function errorOf(fn: () => unknown): Pain002Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Pain002Error) return e;
    throw e;
  }
  throw new Error('expected a Pain002Error');
}

describe('buildPain002 and parsePain002', () => {
  it('round-trip settled, accepted and rejected transactions through a schema-valid report', async () => {
    const xml = buildPain002(
      report(
        [
          { endToEndId: '00123', status: 'ACSC' },
          { endToEndId: 'E2E-2', status: 'ACCP' },
          { endToEndId: 'E2E-3', status: 'RJCT', reasonCode: 'AC01', reasonText: '账号错误 & <无效>' },
          { endToEndId: 'E2E-4', status: 'RJCT', reasonCode: 'BANK-CLOSED-ACCT', reasonText: 'Account closed' },
        ],
        { groupStatus: 'PART' },
      ),
    );
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
    expect(xml).toContain('<Rsn><Cd>AC01</Cd></Rsn>');
    expect(xml).toContain('<Rsn><Prtry>BANK-CLOSED-ACCT</Prtry></Rsn>');
    expect(parsePain002(xml)).toEqual({
      messageId: 'BANK-STS-0001',
      originalMessageId: 'DB-2025-0601-0001',
      originalMessageType: 'pain.001.001.09',
      groupStatus: 'PART',
      groupReasonCode: null,
      groupReasonText: null,
      paymentInformation: [{ originalPaymentInformationId: 'DB-2025-0601-0001-P1', status: null, reasonCode: null, reasonText: null }],
      transactions: [
        { endToEndId: '00123', status: 'ACSC', reasonCode: null, reasonText: null },
        { endToEndId: 'E2E-2', status: 'ACCP', reasonCode: null, reasonText: null },
        { endToEndId: 'E2E-3', status: 'RJCT', reasonCode: 'AC01', reasonText: '账号错误 & <无效>' },
        { endToEndId: 'E2E-4', status: 'RJCT', reasonCode: 'BANK-CLOSED-ACCT', reasonText: 'Account closed' },
      ],
    });
  });

  it('keeps ids as text: leading zeros and digit-only ids are not turned into numbers', () => {
    const xml = buildPain002(
      report([{ endToEndId: '000000000000000000012345', status: 'ACSC' }], { messageId: '0042', originalMessageId: '1e3' }),
    );
    const parsed = parsePain002(xml);
    expect(parsed.transactions[0].endToEndId).toBe('000000000000000000012345');
    expect(parsed.messageId).toBe('0042');
    expect(parsed.originalMessageId).toBe('1e3');
  });

  it('splits a long reason into 105-character AddtlInf parts and reads it back whole', async () => {
    const reasonText = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + ' ' + '户'.repeat(120);
    const xml = buildPain002(report([{ endToEndId: 'E1', status: 'RJCT', reasonCode: 'NARR', reasonText }]));
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
    const parts = [...xml.matchAll(/<AddtlInf>([^<]*)<\/AddtlInf>/g)].map((m) => m[1]);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Array.from(p).length).toBeLessThanOrEqual(105);
    // Words survive; only the unbroken 120-character run had to be cut mid-way, where a space appears.
    const back = parsePain002(xml).transactions[0].reasonText ?? '';
    expect(back.startsWith(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + ' ')).toBe(true);
    expect(back.replace(/ /g, '')).toBe(reasonText.replace(/ /g, ''));
  });

  it('writes and reads a group-level status with no transactions', async () => {
    const xml = buildPain002(report([], { groupStatus: 'RJCT', groupReasonCode: 'FF01', groupReasonText: 'Invalid file format' }));
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
    expect(xml).not.toContain('OrgnlPmtInfAndSts');
    expect(parsePain002(xml)).toMatchObject({
      groupStatus: 'RJCT',
      groupReasonCode: 'FF01',
      groupReasonText: 'Invalid file format',
      paymentInformation: [],
      transactions: [],
    });
  });

  it('reads several OrgnlPmtInfAndSts blocks in document order', async () => {
    const xml = document(`
    <OrgnlGrpInfAndSts><OrgnlMsgId>DB-1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>P1</OrgnlPmtInfId>
      <TxInfAndSts><OrgnlEndToEndId>A1</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
      <TxInfAndSts>
        <OrgnlEndToEndId>A2</OrgnlEndToEndId><TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></StsRsnInf>
        <StsRsnInf><Rsn><Cd>AC06</Cd></Rsn><AddtlInf>and blocked</AddtlInf></StsRsnInf>
      </TxInfAndSts>
    </OrgnlPmtInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>P2</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts>
      <StsRsnInf><Rsn><Prtry>LIMIT</Prtry></Rsn><AddtlInf>Daily limit reached</AddtlInf></StsRsnInf>
    </OrgnlPmtInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>P3</OrgnlPmtInfId>
      <TxInfAndSts><OrgnlEndToEndId>B1</OrgnlEndToEndId><TxSts>PDNG</TxSts></TxInfAndSts>
    </OrgnlPmtInfAndSts>`);
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
    const parsed = parsePain002(xml);
    expect(parsed.transactions).toEqual([
      { endToEndId: 'A1', status: 'ACSC', reasonCode: null, reasonText: null },
      { endToEndId: 'A2', status: 'RJCT', reasonCode: 'AC04', reasonText: 'Account closed and blocked' },
      { endToEndId: 'B1', status: 'PDNG', reasonCode: null, reasonText: null },
    ]);
    expect(parsed.paymentInformation).toEqual([
      { originalPaymentInformationId: 'P1', status: null, reasonCode: null, reasonText: null },
      { originalPaymentInformationId: 'P2', status: 'RJCT', reasonCode: 'LIMIT', reasonText: 'Daily limit reached' },
      { originalPaymentInformationId: 'P3', status: null, reasonCode: null, reasonText: null },
    ]);
  });

  it('gives a transaction without TxSts the status of its block, else of the group, but never PART', async () => {
    const xml = document(`
    <OrgnlGrpInfAndSts><OrgnlMsgId>DB-1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>ACSP</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>P1</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>
      <TxInfAndSts><OrgnlEndToEndId>A1</OrgnlEndToEndId></TxInfAndSts>
    </OrgnlPmtInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>P2</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>
      <TxInfAndSts><OrgnlEndToEndId>B1</OrgnlEndToEndId></TxInfAndSts>
    </OrgnlPmtInfAndSts>`);
    expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
    expect(parsePain002(xml).transactions).toEqual([
      { endToEndId: 'A1', status: 'RJCT', reasonCode: 'AM04', reasonText: null },
      { endToEndId: 'B1', status: 'ACSP', reasonCode: null, reasonText: null },
    ]);

    const nothingToInherit = document(`
    <OrgnlGrpInfAndSts><OrgnlMsgId>DB-1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>A1</OrgnlEndToEndId></TxInfAndSts></OrgnlPmtInfAndSts>`);
    expect(errorOf(() => parsePain002(nothingToInherit))).toMatchObject({ code: 'MISSING_STATUS' });
  });

  it('reads a report that uses a namespace prefix, from a Buffer with a byte-order mark', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><ns2:Document xmlns:ns2="${PAIN002_NAMESPACE}"><ns2:CstmrPmtStsRpt>` +
      `<ns2:GrpHdr><ns2:MsgId>S1</ns2:MsgId><ns2:CreDtTm>2025-06-02T10:15:00</ns2:CreDtTm></ns2:GrpHdr>` +
      `<ns2:OrgnlGrpInfAndSts><ns2:OrgnlMsgId>DB-1</ns2:OrgnlMsgId><ns2:OrgnlMsgNmId>pain.001.001.09</ns2:OrgnlMsgNmId></ns2:OrgnlGrpInfAndSts>` +
      `<ns2:OrgnlPmtInfAndSts><ns2:OrgnlPmtInfId>P1</ns2:OrgnlPmtInfId><ns2:TxInfAndSts><ns2:OrgnlEndToEndId>007</ns2:OrgnlEndToEndId>` +
      `<ns2:TxSts>RJCT</ns2:TxSts><ns2:StsRsnInf><ns2:AddtlInf>户名不符 &#x4E0D;&#31526;</ns2:AddtlInf></ns2:StsRsnInf></ns2:TxInfAndSts>` +
      `</ns2:OrgnlPmtInfAndSts></ns2:CstmrPmtStsRpt></ns2:Document>`;
    const parsed = parsePain002(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
    expect(parsed.messageId).toBe('S1');
    expect(parsed.transactions).toEqual([{ endToEndId: '007', status: 'RJCT', reasonCode: null, reasonText: '户名不符 不符' }]);
  });

  it('takes CDATA text as it stands', () => {
    const xml = buildPain002(report([{ endToEndId: 'E1', status: 'RJCT', reasonText: 'PLACEHOLDER' }])).replace(
      'PLACEHOLDER',
      '<![CDATA[a &amp; <b>]]>',
    );
    expect(parsePain002(xml).transactions[0].reasonText).toBe('a &amp; <b>');
  });

  describe('refuses', () => {
    const pain001 = buildPain001({
      messageId: 'DB-1',
      createdAt,
      initiatingPartyName: 'Bank',
      paymentInformationId: 'P1',
      requestedExecutionDate: '2025-06-02',
      debtor: { name: 'Bank', account: '1234567890' },
      transactions: [
        { endToEndId: 'E1', amount: '1.00', creditorName: '张三', creditorAccount: '6228480402564890018', remittanceInformation: 'LA-1' },
      ],
    });
    const valid = buildPain002(report([{ endToEndId: 'E1', status: 'ACSC' }]));

    it.each([
      ['an empty file', '', 'NOT_XML'],
      ['plain text', 'ACSC E1', 'NOT_XML'],
      ['truncated XML', valid.slice(0, valid.length - 40), 'NOT_XML'],
      ['mismatched tags', '<Document><CstmrPmtStsRpt></Document>', 'NOT_XML'],
      ['two root elements', `${valid}<Document xmlns="${PAIN002_NAMESPACE}"/>`, 'NOT_XML'],
      ['two different root elements', `${valid}<Other/>`, 'NOT_XML'],
      ['an empty Document without namespace', '<Document/>', 'NOT_PAIN002'],
      ['a bare ampersand', valid.replace('<TxSts>ACSC', '<TxSts>AC&SC'), 'NOT_XML'],
      ['an undeclared entity', valid.replace('<TxSts>ACSC', '<TxSts>&foo;'), 'NOT_XML'],
      ['an entity named like an object property', valid.replace('<TxSts>ACSC', '<TxSts>&constructor;'), 'NOT_XML'],
      ['nesting deeper than any status report', valid.replace('<TxSts>ACSC</TxSts>', '<X>'.repeat(120) + '</X>'.repeat(120)), 'NOT_XML'],
      ['a reference to a forbidden character', valid.replace('<TxSts>ACSC', '<TxSts>&#0;'), 'NOT_XML'],
      ['a pain.001 credit transfer file', pain001, 'NOT_PAIN002'],
      ['another root element', valid.replace(/Document/g, 'Report'), 'NOT_PAIN002'],
      ['no namespace', valid.replace(` xmlns="${PAIN002_NAMESPACE}"`, ''), 'NOT_PAIN002'],
      ['a foreign namespace', valid.replace(PAIN002_NAMESPACE, 'urn:example:status'), 'NOT_PAIN002'],
      ['the right namespace without CstmrPmtStsRpt', `<Document xmlns="${PAIN002_NAMESPACE}"><Other/></Document>`, 'NOT_PAIN002'],
      ['pain.002.001.03', valid.replace(PAIN002_NAMESPACE, 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.03'), 'WRONG_VERSION'],
      ['pain.002.001.12', valid.replace(PAIN002_NAMESPACE, 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.12'), 'WRONG_VERSION'],
      ['a transaction without OrgnlEndToEndId', valid.replace(/<OrgnlEndToEndId>E1<\/OrgnlEndToEndId>/, ''), 'MISSING_END_TO_END_ID'],
      ['an empty OrgnlEndToEndId', valid.replace(/<OrgnlEndToEndId>E1<\/OrgnlEndToEndId>/, '<OrgnlEndToEndId/>'), 'MISSING_END_TO_END_ID'],
    ])('%s', (_, xml, code) => {
      const e = errorOf(() => parsePain002(xml));
      expect(e.code).toBe(code);
      expect(e.name).toBe('Pain002Error');
      expect(e.message.length).toBeGreaterThan(10);
    });

    it('a pain.001 with a message that says what it is', () => {
      expect(errorOf(() => parsePain002(pain001)).message).toBe('This is a pain.001.001.09 document, not a pain.002 payment status report');
    });

    it('a Buffer that is not UTF-8', () => {
      // 张三 in GBK, as a bank gateway on a Chinese Windows host might write it.
      const gbk = Buffer.concat([
        Buffer.from(valid.split('ACSC')[0], 'utf8'),
        Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
        Buffer.from(valid.split('ACSC')[1], 'utf8'),
      ]);
      expect(errorOf(() => parsePain002(gbk))).toMatchObject({ code: 'NOT_XML', message: 'The file is not UTF-8 text' });
    });

    it.each([
      [
        'billion laughs',
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
          valid.replace(/^<\?xml[^>]*>/, '').replace('<TxSts>ACSC', '<TxSts>&lol2;'),
      ],
      [
        'an external entity (XXE)',
        `<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
          valid.replace(/^<\?xml[^>]*>\n/, '').replace('<MsgId>BANK-STS-0001', '<MsgId>&xxe;'),
      ],
      ['a bare DOCTYPE', valid.replace('<Document', '<!DOCTYPE Document>\n<Document')],
      ['a lower-case doctype', valid.replace('<Document', '<!doctype Document SYSTEM "http://example.com/x.dtd">\n<Document')],
    ])('a DOCTYPE: %s', (_, xml) => {
      expect(errorOf(() => parsePain002(xml)).code).toBe('DOCTYPE_NOT_ALLOWED');
      expect(errorOf(() => parsePain002(Buffer.from(xml, 'utf8'))).code).toBe('DOCTYPE_NOT_ALLOWED');
    });
  });

  describe('buildPain002 refuses bad input', () => {
    it.each([
      ['a lower-case status', report([{ endToEndId: 'E1', status: 'acsc' }]), 'transactions[0].status'],
      ['an unknown-length status', report([{ endToEndId: 'E1', status: 'SETTLED' }]), 'transactions[0].status'],
      ['an EndToEndId over 35 characters', report([{ endToEndId: 'E'.repeat(36), status: 'ACSC' }]), 'transactions[0].endToEndId'],
      [
        'a reason code over 35 characters',
        report([{ endToEndId: 'E1', status: 'RJCT', reasonCode: 'R'.repeat(36) }]),
        'transactions[0].reasonCode',
      ],
      ['neither transactions nor a group status', report([]), 'transactions'],
      ['a bad group status', report([], { groupStatus: 'rejected' }), 'groupStatus'],
      [
        'another original message type',
        report([{ endToEndId: 'E1', status: 'ACSC' }], { originalMessageType: 'pain.001.001.03' as 'pain.001.001.09' }),
        'originalMessageType',
      ],
      ['an invalid creation time', report([{ endToEndId: 'E1', status: 'ACSC' }], { createdAt: new Date(Number.NaN) }), 'createdAt'],
    ])('%s', (_, input, field) => {
      const e = errorOf(() => buildPain002(input));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    });

    it('uses the original message id as OrgnlPmtInfId when none is given', async () => {
      const xml = buildPain002(report([{ endToEndId: 'E1', status: 'ACSC' }], { originalPaymentInformationId: undefined }));
      expect(await xsdErrors(xml, 'pain.002.001.10')).toEqual([]);
      expect(parsePain002(xml).paymentInformation[0].originalPaymentInformationId).toBe('DB-2025-0601-0001');
    });
  });
});
