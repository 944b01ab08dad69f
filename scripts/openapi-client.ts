import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the console keeps the document it was generated from and the types generated from it. */
export const OPENAPI_JSON = 'web/src/api/openapi.json';
export const SCHEMA_TS = 'web/src/api/schema.d.ts';

/** The committed form of the document: stable key order as served, two-space indent. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The console's types, as openapi-typescript writes them for the document (the drift test compares the same text). */
export async function schemaText(document: unknown): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { alphabetize: false });
  return astToString(ast);
}
