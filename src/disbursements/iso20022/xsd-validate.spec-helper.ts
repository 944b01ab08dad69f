import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/**
 * Test-only: validates XML against the project's copies of the ISO 20022 schemas
 * (standards/iso20022, see SOURCES.txt there) with libxml2 compiled to WebAssembly.
 * The application itself never validates against an XSD at run time.
 */
export type IsoSchema = 'pain.001.001.09' | 'pain.002.001.10';

const schemaDir = new URL('../../../standards/iso20022/', import.meta.url);
const schemas = new Map<IsoSchema, string>();

function schemaText(name: IsoSchema): string {
  let text = schemas.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.xsd`, schemaDir), 'utf8');
    schemas.set(name, text);
  }
  return text;
}

/** The validation errors, empty when the document is valid. */
export async function xsdErrors(xml: string, schema: IsoSchema): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [schemaText(schema)],
    // A 1,000-transaction file with its schema needs more than the 32 MiB default.
    maxMemoryPages: 4096,
  });
  if (result.valid) return [];
  return result.errors.length > 0 ? result.errors.map((e) => e.rawMessage) : [result.rawOutput];
}
