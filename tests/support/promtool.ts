import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PROMTOOL_HELP = `No promtool found for the alerting-rule tests. Get one of:
  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y prometheus (promtool comes with it)
  - macOS with Homebrew: brew install prometheus
  - any system: a release from https://prometheus.io/download/, then set PROMTOOL_PATH=/path/to/promtool`;

/** The promtool to test with: PROMTOOL_PATH if set, else the first on PATH. `undefined` when there is none. */
export function findPromtool(): string | undefined {
  const fromEnv = process.env['PROMTOOL_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'promtool');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}
