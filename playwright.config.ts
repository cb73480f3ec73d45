import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/browser.ts';

const port = Number(process.env['E2E_PORT'] ?? 4400);
const base = process.env['BASE_PATH'] ?? '/';
const dist = process.env['HTTP5XX_OUT_DIR'] ?? 'dist';
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}${base}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: CHROMIUM_ARGS,
          chromiumSandbox: false,
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/serve.ts --port ${port} --dir ${dist} --base ${base}`,
    url: `http://localhost:${port}${base}`,
    // Always start a fresh server, so the tests can only ever see this checkout's dist/.
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
