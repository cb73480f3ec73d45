import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortByCode } from '../lib/code-order';

/**
 * The few fields search needs to list codes by range ("5xx", "52x"): fetched by the search box
 * only when a query asks for a range, so ordinary searches never pay for it.
 */
export const GET: APIRoute = async () => {
  const codes = sortByCode((await getCollection('codes')).map((entry) => entry.data)).map(
    ({ code, name, status, retry, summary }) => ({ code, name, status, retry: retry.verdict, summary }),
  );
  return new Response(JSON.stringify(codes), { headers: { 'Content-Type': 'application/json' } });
};
