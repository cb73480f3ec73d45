import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';

/**
 * A static file server that behaves like a CDN in front of `dist/`: directory indexes,
 * `/503` redirected to `/503/`, the site's 404 page with status 404, brotli when the client
 * accepts it, the site mounted under a base path when there is one, and the headers of the site's
 * own `_headers` file (CSP included), as Netlify or Cloudflare Pages would apply them. Used by
 * `npm run preview`, the end-to-end tests and the budget checks.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Types worth compressing; Pagefind's own index files are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);

export interface StaticServerOptions {
  /** Folder to serve, usually `dist`. */
  root: string;
  /** Path the site is mounted at, e.g. `/` or `/http-5xx/`. */
  base?: string;
}

export function createStaticServer({ root, base = '/' }: StaticServerOptions): Server {
  const rootDir = resolve(root);
  const mount = base.endsWith('/') ? base : `${base}/`;
  const brotliCache = new Map<string, Buffer>();
  let headerRules: { mtimeMs: number; rules: HeaderRule[] } | undefined;

  /** The rules of `_headers`, re-read when the file changes (a rebuild under a running server). */
  async function rulesNow(): Promise<HeaderRule[]> {
    const file = join(rootDir, '_headers');
    const info = await stat(file).catch(() => undefined);
    if (!info) return [];
    if (headerRules?.mtimeMs !== info.mtimeMs) {
      headerRules = { mtimeMs: info.mtimeMs, rules: parseHeadersFile(await readFile(file, 'utf8')) };
    }
    return headerRules.rules;
  }

  async function fileAt(path: string): Promise<string | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
    return undefined;
  }

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const send = async (status: number, file: string) => {
      const ext = extname(file);
      const info = await stat(file);
      let body: Buffer = await readFile(file);
      res.statusCode = status;
      res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', ext === '.html' ? 'no-cache' : 'public, max-age=3600');
      for (const [name, value] of headersFor(await rulesNow(), pathname)) res.setHeader(name, value);
      const acceptsBrotli = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (acceptsBrotli && COMPRESSIBLE.has(ext)) {
        // Keyed by modification time too, so a rebuild under a running server is picked up.
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        let compressed = brotliCache.get(key);
        if (!compressed) {
          compressed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
          brotliCache.set(key, compressed);
        }
        body = compressed;
        res.setHeader('Content-Encoding', 'br');
        res.setHeader('Vary', 'Accept-Encoding');
      }
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = async () => {
      const page = await fileAt(join(rootDir, '404.html'));
      if (page) return send(404, page);
      res.statusCode = 404;
      res.end('Not found');
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    if (mount !== '/' && pathname === mount.slice(0, -1)) {
      res.writeHead(301, { Location: mount + url.search }).end();
      return;
    }
    if (!pathname.startsWith(mount)) return notFound();
    const relative = normalize(pathname.slice(mount.length));
    // The headers file configures the host; hosts do not serve it.
    if (relative === '_headers') return notFound();
    const target = join(rootDir, relative);
    if (target !== rootDir && !target.startsWith(rootDir + sep)) return notFound();

    if (pathname.endsWith('/')) {
      const index = await fileAt(join(target, 'index.html'));
      return index ? send(200, index) : notFound();
    }
    const file = await fileAt(target);
    if (file) return send(200, file);
    // A folder without its trailing slash: redirect, as static hosts do.
    if (await fileAt(join(target, 'index.html'))) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
      return;
    }
    return notFound();
  });
}
