import { withBase } from './site-paths';

/** Absolute URL of a root-relative site path, on the configured site and base path. */
export function absoluteUrl(site: URL | undefined, base: string, path: string): string {
  return new URL(withBase(base, path), site ?? 'http://localhost/').href;
}
