import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Browser behaviour that must not cost a request on page load (search, and later tools) is
 * compiled here into standalone, content-hashed ES modules under `/_assets/`. Pages import them
 * on demand (`import(url)`) from a few bytes of inline script, so a cold page load fetches no
 * JavaScript at all. Astro's own `<script>` handling would fetch a module on every page load.
 */
const VIRTUAL_ID = 'virtual:client-scripts';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const ASSET_DIR = '_assets';

/** Compiles one entry to a single minified ES module. */
async function compile(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** `entries` maps a name to a TypeScript file, e.g. `{ search: 'src/components/site-search.ts' }`. */
export function clientScripts(entries: Record<string, string>): AstroIntegration {
  const built = new Map<string, { file: string; code: string }>();
  return {
    name: 'http5xx:client-scripts',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const urls: Record<string, string> = {};
        for (const [name, entry] of Object.entries(entries)) {
          const path = fileURLToPath(new URL(entry, config.root));
          if (command === 'build') {
            const code = await compile(path);
            const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
            const file = `${name}.${hash}.js`;
            built.set(name, { file, code });
            urls[name] = `${base}${ASSET_DIR}/${file}`;
          } else {
            urls[name] = `${base}${ASSET_DIR}/${name}.dev.js`;
          }
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'http5xx:client-scripts',
                resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(urls)};` : undefined),
                // In dev, compile on every request so that edits show on reload.
                configureServer(server) {
                  server.middlewares.use(async (req, res, next) => {
                    const name = Object.keys(entries).find((key) => req.url === urls[key]);
                    if (!name) return next();
                    const entry = entries[name] as string;
                    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                    res.end(await compile(fileURLToPath(new URL(entry, config.root))));
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        const outDir = new URL(`${ASSET_DIR}/`, dir);
        await mkdir(outDir, { recursive: true });
        for (const { file, code } of built.values()) await writeFile(new URL(file, outDir), code);
      },
    },
  };
}
