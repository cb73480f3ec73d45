import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site-urls';
import { openSearchXml } from '../lib/site-xml';

/** Lets browsers add the site as a search engine: the query opens /search/?q=. */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  return new Response(
    openSearchXml({
      shortName: 'HTTP 5xx',
      description: 'Search HTTP 5xx status codes by code, name or error message',
      searchUrl: `${absoluteUrl(site, base, '/search/')}?q=`,
      icon: absoluteUrl(site, base, '/favicon.svg'),
    }),
    { headers: { 'Content-Type': 'application/opensearchdescription+xml' } },
  );
};
