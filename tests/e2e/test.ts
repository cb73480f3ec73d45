import { test as base, expect, type Page } from '@playwright/test';

/**
 * The project's `test`: every test fails if the page logs a console error or warning, throws,
 * or requests anything from another origin. A test that provokes a failure on purpose (a 404,
 * a blocked index) declares the messages it expects with `allowConsole(/pattern/)`.
 * Import `test` and `expect` from here.
 */
export const test = base.extend<{ allowConsole: (pattern: RegExp) => void }>({
  allowConsole: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
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
      await use((pattern) => allowed.push(pattern));
      const unexpected = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
      expect(unexpected, 'console errors, page errors or third-party requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Holds requests matching `pattern` (after letting the first `passFirst` through) until `release()`,
 * which sends the held ones on and lets later ones pass.
 */
export async function holdRequests(page: Page, pattern: string, passFirst = 0) {
  const held: Array<() => Promise<void>> = [];
  let seen = 0;
  let holding = true;
  await page.route(pattern, (route) =>
    seen++ < passFirst || !holding ? route.continue() : void held.push(() => route.continue()),
  );
  return {
    count: () => held.length,
    release: async () => {
      holding = false;
      await Promise.all(held.map((send) => send()));
    },
  };
}
