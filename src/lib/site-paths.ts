/**
 * Joins the site's base path and a root-relative path, so that every link works both at a domain
 * root (`/`) and under a sub-path (`/http-5xx/`). `path` may carry a query or a fragment.
 */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** Root-relative path of a code's page: `codePath(503)` is `/503/`. */
export function codePath(code: number): string {
  return `/${code}/`;
}

/** Root-relative path of a guide page: `guidePath('5xx-class')` is `/guides/5xx-class/`. */
export function guidePath(id: string): string {
  return `/guides/${id}/`;
}
