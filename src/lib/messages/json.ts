import { z } from 'astro/zod';
import { describeProperties, fieldDocs } from '../field-docs.ts';
import { emitterFileSchema, fingerprintSchema, messageFields, type EmitterFile } from './schema.ts';

/** Version of the /messages.json format; it changes only when a field is removed or changes meaning. */
export const MESSAGES_JSON_VERSION = 1;

/** Path of the JSON Schema of `/messages.json`, relative to the site's base. */
export const MESSAGES_SCHEMA_PATH = `/schema/v${MESSAGES_JSON_VERSION}/messages.json`;

/** One message as published: every catalogue field, plus where to read about it. */
const messageJsonSchema = messageFields.extend({
  /** Absolute URL of the message's entry on the error-messages page. */
  url: z.url(),
});

/** One emitter as published. */
const emitterJsonSchema = emitterFileSchema.extend({
  fingerprints: z.array(fingerprintSchema),
  messages: z.array(messageJsonSchema),
});

/** The whole catalogue as published at `/messages.json`. */
export const messagesJsonSchema = z.object({
  /** URL of the JSON Schema that describes this document. */
  $schema: z.url(),
  /** Version of the JSON format (see MESSAGES_JSON_VERSION). */
  version: z.literal(MESSAGES_JSON_VERSION),
  /** Every emitter, with its header fingerprints and its messages. */
  emitters: z.array(emitterJsonSchema),
});

/** The `/messages.json` document; `entryUrl` gives the absolute URL of a message's entry. */
export function toMessagesJson(
  files: readonly EmitterFile[],
  schemaUrl: string,
  entryUrl: (emitter: string, id: string) => string,
): z.infer<typeof messagesJsonSchema> {
  return {
    $schema: schemaUrl,
    version: MESSAGES_JSON_VERSION,
    emitters: files.map((file) => ({
      ...file,
      messages: file.messages.map((message) => ({ ...message, url: entryUrl(file.emitter, message.id) })),
    })),
  };
}

/** The JSON Schema (draft 2020-12) of `/messages.json`, generated from the zod schema, described from its JSDoc. */
export function messagesJsonSchemaDocument(schemaUrl: string, schemaSources: readonly string[]): Record<string, unknown> {
  const schema = z.toJSONSchema(messagesJsonSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  const docs = Object.assign({}, ...schemaSources.map(fieldDocs)) as Record<string, string>;
  describeProperties(schema, docs);
  return {
    ...schema,
    $id: schemaUrl,
    title: `HTTP 5xx Reference: error messages, format version ${MESSAGES_JSON_VERSION}`,
    description:
      'The catalogue of error messages of the HTTP 5xx Reference: for each emitter (server, proxy, CDN, cloud, framework, client library), the response headers that name it and the messages it writes, each with the status it comes with, its meaning, the first thing to check and its primary source.',
  };
}
