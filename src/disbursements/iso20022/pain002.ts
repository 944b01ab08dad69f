import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { escapeXml, fitText, isoDateTime, requireId, type FieldFailure } from './pain001.js';

/**
 * ISO 20022 pain.002.001.10 (customer payment status report): reading the bank's answer to a
 * disbursement file, and writing one (for tests and the bank simulator).
 *
 * Status reports come from outside, so the reader refuses anything with a DOCTYPE: that is the only
 * way to declare entities, and with it go entity expansion and external entities (XXE).
 */
export const PAIN002_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10';

export type Pain002ErrorCode =
  'NOT_XML' | 'DOCTYPE_NOT_ALLOWED' | 'NOT_PAIN002' | 'WRONG_VERSION' | 'MISSING_END_TO_END_ID' | 'MISSING_STATUS' | 'INVALID_INPUT';

export class Pain002Error extends Error {
  constructor(
    readonly code: Pain002ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pain002Error';
  }
}

export interface Pain002TransactionStatus {
  endToEndId: string;
  /** ACSC, ACCP, ACSP, PDNG, RJCT, ... exactly as the bank wrote it. */
  status: string;
  /** StsRsnInf/Rsn/Cd, or Prtry when the bank uses its own code. */
  reasonCode: string | null;
  /** Every StsRsnInf/AddtlInf, joined by one space. */
  reasonText: string | null;
}

export interface Pain002PaymentInformationStatus {
  originalPaymentInformationId: string | null;
  status: string | null;
  reasonCode: string | null;
  reasonText: string | null;
}

export interface Pain002Report {
  messageId: string | null;
  originalMessageId: string | null;
  /** OrgnlMsgNmId, e.g. pain.001.001.09. */
  originalMessageType: string | null;
  /** Applies to every transaction of the original file that `transactions` does not list. */
  groupStatus: string | null;
  groupReasonCode: string | null;
  groupReasonText: string | null;
  /** One entry per OrgnlPmtInfAndSts, so that a block-level status without transactions is not lost. */
  paymentInformation: Pain002PaymentInformationStatus[];
  transactions: Pain002TransactionStatus[];
}

type XmlNode = Record<string, unknown>;

const ISO_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:([a-z]{4})\.(\d{3})\.(\d{3})\.(\d{2})$/;

// Only the five predefined entities and character references, which need no declaration. Character
// references to what XML 1.0 cannot carry are refused like any other malformed input.
const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|([A-Za-z_][\w.-]*));/g;
const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const value = PREDEFINED.get(name);
      if (value === undefined) throw new Pain002Error('NOT_XML', `The document uses the undeclared entity &${name};`);
      return value;
    }
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw new Pain002Error('NOT_XML', `The document has a reference to a character XML does not allow (${code})`);
    return String.fromCodePoint(code);
  });
}

// The library's own decoder would expand entities declared in a DOCTYPE. This one knows only the
// predefined entities, and refuses declarations should a DOCTYPE ever get past the check in rootOf.
const entityDecoder: EntityDecoderOptions = {
  decode: decodeEntities,
  addInputEntities: () => {
    throw new Pain002Error('DOCTYPE_NOT_ALLOWED', 'Entity declarations are not accepted');
  },
  setExternalEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Ids such as "00123" and amounts must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Entity processing here means only the decoder above; without it &amp; would stay undecoded.
  processEntities: true,
  entityDecoder,
});

function toText(xml: string | Buffer): string {
  if (typeof xml === 'string') return xml.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new Pain002Error('NOT_XML', 'The file is not UTF-8 text');
  }
}

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Element access by local name, with the prefix the root element uses: reports come both with a
 * default namespace and with a prefix (ns2:Document). A file that switched prefixes part-way would
 * read as missing elements; no bank's files do that, and full namespace resolution would cost a second
 * pass over every element.
 */
class Reader {
  constructor(private readonly prefix: string) {}

  private raw(node: XmlNode, name: string): unknown[] {
    const v = node[this.prefix + name];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : [v];
  }

  all(node: XmlNode, name: string): XmlNode[] {
    // An element with no children and no attributes arrives as a string; as a container it is empty.
    return this.raw(node, name).map((v) => (isNode(v) ? v : {}));
  }

  one(node: XmlNode, name: string): XmlNode {
    return this.all(node, name)[0] ?? {};
  }

  texts(node: XmlNode, name: string): string[] {
    const out: string[] = [];
    for (const v of this.raw(node, name)) {
      const t = isNode(v) ? v['#text'] : v;
      if (typeof t === 'string' && t !== '') out.push(t);
    }
    return out;
  }

  text(node: XmlNode, name: string): string | null {
    return this.texts(node, name)[0] ?? null;
  }
}

interface Status {
  status: string | null;
  reasonCode: string | null;
  reasonText: string | null;
}

function statusOf(r: Reader, node: XmlNode, statusElement: string): Status {
  let reasonCode: string | null = null;
  const texts: string[] = [];
  for (const info of r.all(node, 'StsRsnInf')) {
    const reason = r.one(info, 'Rsn');
    reasonCode ??= r.text(reason, 'Cd') ?? r.text(reason, 'Prtry');
    texts.push(...r.texts(info, 'AddtlInf'));
  }
  return { status: r.text(node, statusElement), reasonCode, reasonText: texts.length > 0 ? texts.join(' ') : null };
}

function rootOf(text: string): { reader: Reader; report: XmlNode } {
  // Checked on the raw text, before any parser sees it; a DOCTYPE has no business in a status report.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new Pain002Error('DOCTYPE_NOT_ALLOWED', 'The document has a DOCTYPE or entity declaration, which is not accepted');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Pain002Error('NOT_XML', `The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (e) {
    if (e instanceof Pain002Error) throw e;
    throw new Pain002Error('NOT_XML', `The file could not be read as XML: ${(e as Error).message}`);
  }
  const roots = isNode(doc) ? Object.keys(doc) : [];
  // Two roots of the same name arrive as an array.
  if (roots.length !== 1 || Array.isArray((doc as XmlNode)[roots[0]])) {
    throw new Pain002Error('NOT_XML', 'The file must have exactly one root element');
  }
  const rootName = roots[0];
  const rootValue = (doc as XmlNode)[rootName];
  const root = isNode(rootValue) ? rootValue : {};
  const colon = rootName.indexOf(':');
  const prefix = colon < 0 ? '' : rootName.slice(0, colon + 1);
  const localName = rootName.slice(colon + 1);
  const namespace = root[colon < 0 ? '@_xmlns' : `@_xmlns:${rootName.slice(0, colon)}`];

  const iso = typeof namespace === 'string' ? ISO_NAMESPACE.exec(namespace) : null;
  if (iso === null || localName !== 'Document') {
    throw new Pain002Error(
      'NOT_PAIN002',
      `Expected a pain.002 Document in namespace ${PAIN002_NAMESPACE}, got <${rootName}> in ${typeof namespace === 'string' ? namespace : 'no namespace'}`,
    );
  }
  const messageType = `${iso[1]}.${iso[2]}.${iso[3]}.${iso[4]}`;
  if (`${iso[1]}.${iso[2]}` !== 'pain.002') {
    throw new Pain002Error('NOT_PAIN002', `This is a ${messageType} document, not a pain.002 payment status report`);
  }
  if (namespace !== PAIN002_NAMESPACE) {
    throw new Pain002Error('WRONG_VERSION', `This is a ${messageType} report; only pain.002.001.10 is read`);
  }
  const reader = new Reader(prefix);
  const reports = reader.all(root, 'CstmrPmtStsRpt');
  if (reports.length !== 1) throw new Pain002Error('NOT_PAIN002', 'The Document has no CstmrPmtStsRpt');
  return { reader, report: reports[0] };
}

/**
 * A transaction without TxSts takes the status of its block, else of the group: a status given at a
 * higher level applies to everything beneath it. PART (partly accepted) says nothing about any one
 * transaction, so it is not passed down.
 */
function inherited(...levels: Status[]): Status | null {
  return levels.find((l) => l.status !== null && l.status !== 'PART') ?? null;
}

/** Reads a pain.002.001.10 status report. Throws Pain002Error for anything else. */
export function parsePain002(xml: string | Buffer): Pain002Report {
  const { reader: r, report } = rootOf(toText(xml));
  const header = r.one(report, 'GrpHdr');
  const group = r.one(report, 'OrgnlGrpInfAndSts');
  const groupStatus = statusOf(r, group, 'GrpSts');

  const paymentInformation: Pain002PaymentInformationStatus[] = [];
  const transactions: Pain002TransactionStatus[] = [];
  for (const block of r.all(report, 'OrgnlPmtInfAndSts')) {
    const blockStatus = statusOf(r, block, 'PmtInfSts');
    paymentInformation.push({ originalPaymentInformationId: r.text(block, 'OrgnlPmtInfId'), ...blockStatus });
    for (const tx of r.all(block, 'TxInfAndSts')) {
      const at = `transaction ${transactions.length + 1}`;
      const endToEndId = r.text(tx, 'OrgnlEndToEndId');
      if (endToEndId === null) throw new Pain002Error('MISSING_END_TO_END_ID', `TxInfAndSts (${at}) has no OrgnlEndToEndId`);
      const own = statusOf(r, tx, 'TxSts');
      const status = own.status !== null ? own : inherited(blockStatus, groupStatus);
      if (status === null) {
        throw new Pain002Error('MISSING_STATUS', `TxInfAndSts ${endToEndId} has no TxSts and no status to take it from`);
      }
      transactions.push({ endToEndId, status: status.status as string, reasonCode: status.reasonCode, reasonText: status.reasonText });
    }
  }
  return {
    messageId: r.text(header, 'MsgId'),
    originalMessageId: r.text(group, 'OrgnlMsgId'),
    originalMessageType: r.text(group, 'OrgnlMsgNmId'),
    groupStatus: groupStatus.status,
    groupReasonCode: groupStatus.reasonCode,
    groupReasonText: groupStatus.reasonText,
    paymentInformation,
    transactions,
  };
}

export interface Pain002Input {
  messageId: string;
  createdAt: Date;
  originalMessageId: string;
  originalMessageType: 'pain.001.001.09';
  /** OrgnlPmtInfId is mandatory in the schema; defaults to originalMessageId for callers that lack it. */
  originalPaymentInformationId?: string;
  groupStatus?: string;
  groupReasonCode?: string;
  groupReasonText?: string;
  transactions: Array<{ endToEndId: string; status: string; reasonCode?: string; reasonText?: string }>;
}

const STATUS_CODE = /^[A-Z]{4}$/;
// ExternalStatusReason1Code is at most 4 characters; anything longer can only be proprietary.
const REASON_CODE = /^[A-Z0-9]{1,4}$/;
const MAX_ID = 35;
const MAX_INFO = 105;

const invalid: FieldFailure = (field, message) => {
  throw new Pain002Error('INVALID_INPUT', `${field}: ${message}`);
};

function statusCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !STATUS_CODE.test(value)) {
    return invalid(field, `${JSON.stringify(value)} is not an ISO status code such as ACSC or RJCT`);
  }
  return value;
}

/**
 * AddtlInf holds at most 105 characters and may repeat; the text is cut at spaces where it can be so
 * that the reader, joining the parts with a space, gets it back unchanged.
 */
function splitInfo(text: string): string[] {
  const chars = Array.from(text);
  const parts: string[] = [];
  let start = 0;
  while (chars.length - start > MAX_INFO) {
    const space = chars.lastIndexOf(' ', start + MAX_INFO);
    const end = space > start ? space : start + MAX_INFO;
    parts.push(chars.slice(start, end).join(''));
    start = space > start ? end + 1 : end;
  }
  parts.push(chars.slice(start).join(''));
  return parts;
}

function reasonXml(code: string | undefined, text: string | undefined, fields: [string, string], indent: string): string {
  let rsn = '';
  if (code !== undefined) {
    const value = requireId(code, fields[0], MAX_ID, invalid);
    rsn = REASON_CODE.test(value) ? `<Rsn><Cd>${value}</Cd></Rsn>` : `<Rsn><Prtry>${escapeXml(value)}</Prtry></Rsn>`;
  }
  const info = fitText(text, fields[1], Number.POSITIVE_INFINITY, invalid);
  if (rsn === '' && info === null) return '';
  const addtl =
    info === null
      ? ''
      : splitInfo(info)
          .map((p) => `<AddtlInf>${escapeXml(p)}</AddtlInf>`)
          .join('');
  return `${indent}<StsRsnInf>${rsn}${addtl}</StsRsnInf>\n`;
}

/** Writes a pain.002.001.10 report with one OrgnlPmtInfAndSts holding every transaction given. */
export function buildPain002(input: Pain002Input): string {
  const messageId = requireId(input.messageId, 'messageId', MAX_ID, invalid);
  const createdAt = isoDateTime(input.createdAt, 'createdAt', invalid);
  const originalMessageId = requireId(input.originalMessageId, 'originalMessageId', MAX_ID, invalid);
  if (input.originalMessageType !== 'pain.001.001.09') {
    invalid('originalMessageType', `only pain.001.001.09 is answered, got ${JSON.stringify(input.originalMessageType)}`);
  }
  const paymentInformationId = requireId(
    input.originalPaymentInformationId ?? originalMessageId,
    'originalPaymentInformationId',
    MAX_ID,
    invalid,
  );
  const groupStatus = input.groupStatus === undefined ? null : statusCode(input.groupStatus, 'groupStatus');
  const txs = input.transactions;
  if (!Array.isArray(txs) || (txs.length === 0 && groupStatus === null)) {
    invalid('transactions', 'a report needs transaction statuses or a group status');
  }

  const body = txs.map((tx, i) => {
    const at = `transactions[${i}]`;
    const endToEndId = requireId(tx.endToEndId, `${at}.endToEndId`, MAX_ID, invalid);
    const status = statusCode(tx.status, `${at}.status`);
    return (
      `      <TxInfAndSts>\n` +
      `        <OrgnlEndToEndId>${escapeXml(endToEndId)}</OrgnlEndToEndId>\n` +
      `        <TxSts>${status}</TxSts>\n` +
      reasonXml(tx.reasonCode, tx.reasonText, [`${at}.reasonCode`, `${at}.reasonText`], '        ') +
      `      </TxInfAndSts>\n`
    );
  });

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Document xmlns="${PAIN002_NAMESPACE}">\n` +
    `  <CstmrPmtStsRpt>\n` +
    `    <GrpHdr>\n` +
    `      <MsgId>${escapeXml(messageId)}</MsgId>\n` +
    `      <CreDtTm>${createdAt}</CreDtTm>\n` +
    `    </GrpHdr>\n` +
    `    <OrgnlGrpInfAndSts>\n` +
    `      <OrgnlMsgId>${escapeXml(originalMessageId)}</OrgnlMsgId>\n` +
    `      <OrgnlMsgNmId>${input.originalMessageType}</OrgnlMsgNmId>\n` +
    (groupStatus === null ? '' : `      <GrpSts>${groupStatus}</GrpSts>\n`) +
    reasonXml(input.groupReasonCode, input.groupReasonText, ['groupReasonCode', 'groupReasonText'], '      ') +
    `    </OrgnlGrpInfAndSts>\n` +
    (body.length === 0
      ? ''
      : `    <OrgnlPmtInfAndSts>\n` +
        `      <OrgnlPmtInfId>${escapeXml(paymentInformationId)}</OrgnlPmtInfId>\n` +
        body.join('') +
        `    </OrgnlPmtInfAndSts>\n`) +
    `  </CstmrPmtStsRpt>\n` +
    `</Document>\n`
  );
}
