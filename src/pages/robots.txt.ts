import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site-urls';

/** Everything may be crawled; the sitemap lists every page. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, import.meta.env.BASE_URL, '/sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
