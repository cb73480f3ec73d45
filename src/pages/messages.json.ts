import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { MESSAGES_SCHEMA_PATH, toMessagesJson } from '../lib/messages/json';
import { messagePath } from '../lib/messages/paths';
import { sortEmitters } from '../lib/messages/views';
import { absoluteUrl } from '../lib/site-urls';

/** The error-message catalogue in one JSON document: /messages.json. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const files = sortEmitters((await getCollection('messages')).map((entry) => entry.data));
  const body = toMessagesJson(files, absoluteUrl(site, base, MESSAGES_SCHEMA_PATH), (emitter, id) =>
    absoluteUrl(site, base, messagePath(emitter, id)),
  );
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
