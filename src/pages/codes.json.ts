import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { JSON_FORMAT_VERSION, SCHEMA_PATH, toCodeJson } from '../lib/code-json';
import { sortByCode } from '../lib/code-order';
import { codePath } from '../lib/site-paths';
import { absoluteUrl } from '../lib/site-urls';

/** Every code in one JSON document: /codes.json. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const codes = sortByCode((await getCollection('codes')).map((entry) => entry.data));
  const body = {
    $schema: absoluteUrl(site, base, SCHEMA_PATH),
    version: JSON_FORMAT_VERSION,
    codes: codes.map((data) =>
      toCodeJson(data, absoluteUrl(site, base, codePath(data.code)), absoluteUrl(site, base, `/${data.code}.json`)),
    ),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
