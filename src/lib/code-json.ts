import { z } from 'astro/zod';
import { codeFields, type CodeData } from './code-schema';
import { describeProperties, fieldDocs } from './field-docs';

/** Version of the JSON format; it changes only when a field is removed or changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/** Path of the JSON Schema for `/codes.json` and `/NNN.json`, relative to the site's base. */
export const SCHEMA_PATH = `/schema/v${JSON_FORMAT_VERSION}/codes.json`;

/** One code as published in JSON: every frontmatter field, plus where to find it. */
export const codeJsonSchema = codeFields.extend({
  /** In /NNN.json only: URL of the JSON Schema definition this document follows. */
  $schema: z.url().optional(),
  /** Absolute URL of the code's page. */
  url: z.url(),
  /** Absolute URL of this JSON document. */
  json: z.url(),
});

/** The whole collection as published at `/codes.json`. */
export const codesJsonSchema = z.object({
  /** URL of the JSON Schema that describes this document. */
  $schema: z.url(),
  /** Version of the JSON format (see JSON_FORMAT_VERSION). */
  version: z.literal(JSON_FORMAT_VERSION),
  /** Every code, registered and unofficial, in ascending order. */
  codes: z.array(codeJsonSchema),
});

export type CodeJson = z.infer<typeof codeJsonSchema>;

/** A code's JSON document; `pageUrl` and `jsonUrl` are absolute. */
export function toCodeJson(data: CodeData, pageUrl: string, jsonUrl: string): CodeJson {
  return { ...data, url: pageUrl, json: jsonUrl };
}

/**
 * The JSON Schema (draft 2020-12) of `/codes.json`, generated from the zod schema so that the two
 * cannot disagree; field descriptions come from the JSDoc comments of the schema files.
 */
export function codesJsonSchemaDocument(schemaUrl: string, schemaSources: readonly string[]): Record<string, unknown> {
  const schema = z.toJSONSchema(codesJsonSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  const docs = Object.assign({}, ...schemaSources.map(fieldDocs)) as Record<string, string>;
  describeProperties(schema, docs);
  const codeSchema = (schema['properties'] as Record<string, { items?: unknown }>)['codes']?.items;
  return {
    ...schema,
    $id: schemaUrl,
    title: `HTTP 5xx Reference: codes, format version ${JSON_FORMAT_VERSION}`,
    description:
      'All HTTP 5xx codes of the HTTP 5xx Reference, registered and unofficial, with their retry guidance. /codes.json is one document of this schema; each /NNN.json is one element of "codes", described by $defs.code.',
    $defs: { code: codeSchema },
  };
}
