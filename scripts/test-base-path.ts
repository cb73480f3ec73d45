import { spawnSync } from 'node:child_process';

// Builds the site for a sub-path, as a GitHub Pages project site would host it, into its own
// folder, and runs the whole end-to-end suite against it there, search included.
const env = {
  ...process.env,
  BASE_PATH: '/http-5xx/',
  SITE_URL: 'https://example.github.io',
  HTTP5XX_OUT_DIR: 'dist-base',
  HTTP5XX_CACHE_DIR: 'node_modules/.astro-base',
  E2E_PORT: '4410',
};

function run(command: string, args: string[]): void {
  console.log(`\n$ BASE_PATH=${env.BASE_PATH} ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['astro', 'build']);
run('npx', ['playwright', 'test']);
