import type { APIRoute } from 'astro';
import { codesJsonSchemaDocument, SCHEMA_PATH } from '../../../lib/code-json';
import { absoluteUrl } from '../../../lib/site-urls';
import codeSchemaSource from '../../../lib/code-schema.ts?raw';
import codeJsonSource from '../../../lib/code-json.ts?raw';

/** The JSON Schema of /codes.json and /NNN.json, format version 1. */
export const GET: APIRoute = ({ site }) => {
  const schema = codesJsonSchemaDocument(absoluteUrl(site, import.meta.env.BASE_URL, SCHEMA_PATH), [
    codeSchemaSource,
    codeJsonSource,
  ]);
  return new Response(JSON.stringify(schema, null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
};
