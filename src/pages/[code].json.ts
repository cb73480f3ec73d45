import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { SCHEMA_PATH, toCodeJson } from '../lib/code-json';
import { codePath } from '../lib/site-paths';
import { absoluteUrl } from '../lib/site-urls';

export const getStaticPaths = (async () =>
  (await getCollection('codes')).map((entry) => ({ params: { code: String(entry.data.code) }, props: { entry } }))) satisfies GetStaticPaths;

/** One code as JSON: /503.json. */
export const GET: APIRoute<{ entry: CollectionEntry<'codes'> }> = ({ props, site }) => {
  const base = import.meta.env.BASE_URL;
  const { data } = props.entry;
  const body = {
    $schema: `${absoluteUrl(site, base, SCHEMA_PATH)}#/$defs/code`,
    ...toCodeJson(data, absoluteUrl(site, base, codePath(data.code)), absoluteUrl(site, base, `/${data.code}.json`)),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
