import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Browser behaviour that must not cost a request on page load (search, and later tools) is
 * compiled here into standalone, content-hashed ES modules under `/_assets/`. Pages import them
 * on demand (`import(url)`) from a few bytes of inline script, so a cold page load fetches no
 * JavaScript at all. Astro's own `<script>` handling would fetch a module on every page load.
 *
 * Data that several modules share (the error-message catalogue) is a module of its own, generated
 * at build time: a script imports it as `virtual:NAME`, which becomes an import of its hashed file.
 * A page can start fetching it alongside the script that needs it; the browser's module map fetches
 * it once.
 */
const VIRTUAL_ID = 'virtual:client-scripts';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const ASSET_DIR = '_assets';

/** A data module: its JavaScript source, generated when the build starts (and on every dev request). */
export type DataModules = Record<string, () => string>;

const hashed = (name: string, code: string) => `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;

/** Turns `import x from 'virtual:NAME'` into an import of the data module's file, beside the importer. */
function dataImports(files: Record<string, string>): Plugin {
  return {
    name: 'http5xx:data-modules',
    setup(build) {
      build.onResolve({ filter: /^virtual:/ }, (args) => {
        const file = files[args.path.slice('virtual:'.length)];
        if (!file) return { errors: [{ text: `unknown data module ${args.path}` }] };
        return { path: `./${file}`, external: true };
      });
    },
  };
}

/** Compiles one entry to a single minified ES module. */
async function compile(entry: string, files: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [dataImports(files)],
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * `entries` maps a name to a TypeScript file, e.g. `{ search: 'src/components/site-search.ts' }`;
 * `data` maps a data module's name to the function that writes it.
 */
export function clientScripts(entries: Record<string, string>, data: DataModules = {}): AstroIntegration {
  const built = new Map<string, { file: string; code: string }>();
  let prepared: Promise<Record<string, string>> | undefined;
  return {
    name: 'http5xx:client-scripts',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const devFiles = Object.fromEntries(Object.keys(data).map((name) => [name, `${name}.dev.js`]));
        const devUrls = Object.fromEntries(
          [...Object.keys(data), ...Object.keys(entries)].map((name) => [name, `${base}${ASSET_DIR}/${name}.dev.js`]),
        );
        // Built on first use, when a page imports the URLs: by then the content collections have
        // loaded, so an invalid code entry is reported before anything here reads the content.
        prepared = undefined;
        const prepare = (): Promise<Record<string, string>> =>
          (prepared ??= (async () => {
            const urls: Record<string, string> = {};
            const dataFiles: Record<string, string> = {};
            for (const [name, write] of Object.entries(data)) {
              const code = write();
              const file = hashed(name, code);
              built.set(name, { file, code });
              dataFiles[name] = file;
              urls[name] = `${base}${ASSET_DIR}/${file}`;
            }
            for (const [name, entry] of Object.entries(entries)) {
              const code = await compile(fileURLToPath(new URL(entry, config.root)), dataFiles);
              const file = hashed(name, code);
              built.set(name, { file, code });
              urls[name] = `${base}${ASSET_DIR}/${file}`;
            }
            return urls;
          })());
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'http5xx:client-scripts',
                resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: async (id) =>
                  id === RESOLVED_ID ? `export default ${JSON.stringify(command === 'build' ? await prepare() : devUrls)};` : undefined,
                // In dev, compile on every request so that edits show on reload.
                configureServer(server) {
                  server.middlewares.use(async (req, res, next) => {
                    const name = Object.keys(devUrls).find((key) => req.url === devUrls[key]);
                    if (!name) return next();
                    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                    const write = data[name];
                    if (write) return res.end(write());
                    const entry = entries[name] as string;
                    res.end(await compile(fileURLToPath(new URL(entry, config.root)), devFiles));
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (prepared) await prepared;
        const outDir = new URL(`${ASSET_DIR}/`, dir);
        await mkdir(outDir, { recursive: true });
        for (const { file, code } of built.values()) await writeFile(new URL(file, outDir), code);
      },
    },
  };
}
