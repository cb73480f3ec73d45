import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distFiles, distRoot } from './dist-files';

// Hosts the site may link to: specifications, registries and the vendors whose behaviour it documents.
const ALLOWED_HOSTS = new Set([
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'www.iana.org',
  'github.com',
  'developers.cloudflare.com',
  'www.cloudflare.com',
  'docs.aws.amazon.com',
  'repost.aws',
  'boto3.amazonaws.com',
  'nginx.org',
  'www.envoyproxy.io',
  'istio.io',
  'www.fastly.com',
  'docs.fastly.com',
  'techdocs.akamai.com',
  'learn.microsoft.com',
  'cloud.google.com',
  'sre.google',
  'httpd.apache.org',
  'docs.gunicorn.org',
  'docs.cloudlinux.com',
  'curl.se',
  'aws.amazon.com',
  'nodejs.org',
  'pkg.go.dev',
  'devcenter.heroku.com',
  // Sources of the error-message catalogue.
  'vercel.com',
  'platform.claude.com',
  'code.claude.com',
  'developers.google.com',
  'prometheus.io',
  'docs.datadoghq.com',
]);

const SITE_ORIGIN = 'https://http5xx.dev';
const pages = distFiles('.html');
const idsCache = new Map<string, Set<string>>();

/** The ids (and a[name]s) of a built file: the fragments a link may point at. */
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const html = readFileSync(join(distRoot, file), 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1] ?? ''));
    idsCache.set(file, ids);
  }
  return ids;
}

/** The dist/ file a site path is served from, as the static server resolves it. */
function fileFor(path: string): string | undefined {
  const relative = decodeURIComponent(path).replace(/^\//, '');
  const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
  return candidates.find((candidate) => existsSync(join(distRoot, candidate)) && statSync(join(distRoot, candidate)).isFile());
}

function linksOf(file: string): string[] {
  const html = readFileSync(join(distRoot, file), 'utf8');
  return [...html.matchAll(/<(?:a|link|script|img)\b[^>]*?\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('links in dist/', () => {
  it.each(pages)('%s: every internal link and #fragment resolves', (page) => {
    const broken: string[] = [];
    const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, SITE_ORIGIN);
    for (const raw of linksOf(page)) {
      const url = new URL(raw.replaceAll('&amp;', '&'), pageUrl);
      if (url.origin !== SITE_ORIGIN) continue;
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${raw}: no file`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${raw}: no id "${fragment}"`);
    }
    expect(broken).toEqual([]);
  });

  it.each(pages)('%s: every external link is a well-formed https URL to an allowed host', (page) => {
    const bad: string[] = [];
    for (const raw of linksOf(page)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue;
      let url: URL;
      try {
        url = new URL(raw.replaceAll('&amp;', '&'));
      } catch {
        bad.push(`${raw}: not a URL`);
        continue;
      }
      if (url.origin === SITE_ORIGIN) continue;
      if (url.protocol !== 'https:') bad.push(`${raw}: not https`);
      else if (!ALLOWED_HOSTS.has(url.hostname)) bad.push(`${raw}: host ${url.hostname} is not on the allowed list`);
      if (/\s/.test(raw)) bad.push(`${raw}: contains white space`);
    }
    expect(bad).toEqual([]);
  });
});
