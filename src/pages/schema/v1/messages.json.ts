import type { APIRoute } from 'astro';
import { MESSAGES_SCHEMA_PATH, messagesJsonSchemaDocument } from '../../../lib/messages/json';
import { absoluteUrl } from '../../../lib/site-urls';
import schemaSource from '../../../lib/messages/schema.ts?raw';
import jsonSource from '../../../lib/messages/json.ts?raw';

/** The JSON Schema of /messages.json, format version 1. */
export const GET: APIRoute = ({ site }) => {
  const schema = messagesJsonSchemaDocument(absoluteUrl(site, import.meta.env.BASE_URL, MESSAGES_SCHEMA_PATH), [schemaSource, jsonSource]);
  return new Response(JSON.stringify(schema, null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
};
