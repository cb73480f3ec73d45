import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/snippets/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // The build tests run real Astro builds one after another.
    fileParallelism: false,
  },
});
