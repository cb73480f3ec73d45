// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { catalogueDataModules } from './src/integrations/matcher-data.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin } from './src/lib/base-links-plugin.ts';
import { headingAnchorsPlugin } from './src/lib/heading-anchors-plugin.ts';
import { tableScrollPlugin } from './src/lib/table-scroll-plugin.ts';
import { lazyLayoutPlugin } from './src/lib/lazy-layout-plugin.ts';
import { shikiTokenClasses } from './src/lib/shiki-token-classes.ts';

// SITE_URL and BASE_PATH let one build serve any host: the domain root or a sub-path such as a
// GitHub Pages project site (BASE_PATH=/http-5xx/).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://http5xx.dev',
  base,
  trailingSlash: 'always',
  // Build tests and benchmarks build other content into other folders.
  outDir: process.env.HTTP5XX_OUT_DIR ?? './dist',
  cacheDir: process.env.HTTP5XX_CACHE_DIR ?? './node_modules/.astro',
  build: {
    format: 'directory',
    // One HTML response carries the page and its CSS: no render-blocking stylesheet request.
    inlineStylesheets: 'always',
  },
  markdown: {
    syntaxHighlight: 'shiki',
    processor: satteri({ hastPlugins: [baseLinksPlugin(base), headingAnchorsPlugin(), tableScrollPlugin(), lazyLayoutPlugin()] }),
    // Tokens are coloured through CSS variables, so light and dark themes share one markup.
    shikiConfig: { theme: 'css-variables', transformers: [shikiTokenClasses()] },
  },
  integrations: [
    mdx(),
    clientScripts(
      {
        search: 'src/components/site-search.ts',
        retryTool: 'src/components/retry-tool.ts',
        pasteBox: 'src/components/paste-box.ts',
        burnRateCalculator: 'src/components/burn-rate-calculator.ts',
      },
      catalogueDataModules(process.cwd()),
    ),
    pagefindIndex(),
    securityHeaders(),
  ],
  devToolbar: { enabled: false },
});
