/**
 * The one-line JSDoc comment above each field of a zod schema file, by field name:
 * `/** The status code. *\/ code: z.number()` gives `{ code: 'The status code.' }`. The JSON
 * Schema that documents /codes.json takes its descriptions from here, so each field is described
 * once, in src/lib/code-schema.ts.
 */
export function fieldDocs(source: string): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const match of source.matchAll(/\/\*\*\s*(.+?)\s*\*\/\s*\n\s*([A-Za-z]\w*)\s*:/g)) {
    const [, text, field] = match;
    if (text && field && !(field in docs)) docs[field] = text;
  }
  return docs;
}

/** Adds `description` from `docs` to every property of a JSON Schema object, recursively. */
export function describeProperties(schema: unknown, docs: Record<string, string>): void {
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as { properties?: Record<string, Record<string, unknown>>; items?: unknown };
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    const doc = docs[name];
    if (doc && property['description'] === undefined) property['description'] = doc;
    describeProperties(property, docs);
  }
  if (node.items) describeProperties(node.items, docs);
}
