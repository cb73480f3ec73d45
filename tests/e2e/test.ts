import { test as base, expect } from '@playwright/test';

/**
 * The project's `test`: every test fails if the page logs a console error or warning, throws,
 * or requests anything from another origin. Import `test` and `expect` from here.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://localhost').origin;
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`console.${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`third-party request: ${url.href}`);
      });
      await use(problems);
      expect(problems, 'console errors, page errors or third-party requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
