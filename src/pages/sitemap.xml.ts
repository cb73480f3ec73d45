import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortByCode } from '../lib/code-order';
import { codePath, guidePath } from '../lib/site-paths';
import { absoluteUrl } from '../lib/site-urls';
import { sitemapXml } from '../lib/site-xml';

/** Every indexable page: home, code pages, guides and the retry tool. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const codes = sortByCode((await getCollection('codes')).map((entry) => entry.data));
  const guides = (await getCollection('guides')).map((entry) => entry.id).sort();
  const paths = [
    '/',
    ...codes.map((code) => codePath(code.code)),
    ...guides.map(guidePath),
    guidePath('retry-defaults'),
    '/should-i-retry/',
  ];
  return new Response(sitemapXml(paths.map((path) => absoluteUrl(site, base, path))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
