import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distRoot } from './dist-files';

describe('dist/pagefind', () => {
  it('holds only what the search box loads: the API, its worker, WebAssembly and the index', () => {
    const dir = join(distRoot, 'pagefind');
    const unexpected = readdirSync(dir).filter((name) => {
      if (statSync(join(dir, name)).isDirectory()) return !['filter', 'fragment', 'index'].includes(name);
      return !(
        ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].includes(name) ||
        /^pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta$/.test(name) ||
        /^wasm\.[a-z-]+\.pagefind$/.test(name)
      );
    });
    expect(unexpected).toEqual([]);
  });
});
