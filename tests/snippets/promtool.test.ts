import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPromtool, PROMTOOL_HELP } from '../support/promtool';

// The alerting guide shows the files of snippets/alerting/ as they are; Prometheus's own tool
// checks them here: `promtool check rules` for syntax and PromQL, `promtool test rules` for the
// unit tests over synthetic series in snippets/alerting/tests/.

const execFileAsync = promisify(execFile);
const dir = fileURLToPath(new URL('../../snippets/alerting/', import.meta.url));
const ruleFiles = readdirSync(dir).filter((file) => file.endsWith('.rules.yml')).sort();
const testFiles = readdirSync(join(dir, 'tests')).filter((file) => file.endsWith('.test.yml')).sort();
let promtool = '';

/** Runs promtool; resolves with its exit code and output instead of throwing. */
async function run(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(promtool, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(() => {
  const found = findPromtool();
  if (!found) throw new Error(PROMTOOL_HELP);
  promtool = found;
});

describe.concurrent('the alerting rules', () => {
  it('are all there', () => {
    expect(ruleFiles).toEqual([
      'burn-rate-alerts.rules.yml',
      'code-families.rules.yml',
      'http-requests.rules.yml',
      'ingress-nginx.rules.yml',
      'istio.rules.yml',
    ]);
    expect(testFiles.length).toBeGreaterThanOrEqual(5);
  });

  it('pass promtool check rules', async () => {
    const { code, output } = await run(['check', 'rules', ...ruleFiles], dir);
    expect(output).not.toContain('FAILED');
    expect(code, output).toBe(0);
  });

  it.each(testFiles)('pass promtool test rules %s', async (file) => {
    const { code, output } = await run(['test', 'rules', file], join(dir, 'tests'));
    expect(code, output).toBe(0);
    expect(output).toContain('SUCCESS');
  }, 180_000);
});

describe.concurrent('the unit tests over synthetic series', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  /** Runs one test file against a copy of the rules with `from` replaced by `to` in `file`. */
  async function mutated(file: string, from: string, to: string, testFile: string) {
    const copy = mkdtempSync(join(tmpdir(), 'alerting-rules-'));
    copies.push(copy);
    cpSync(dir, copy, { recursive: true });
    const original = readFileSync(join(dir, file), 'utf8');
    expect(original).toContain(from);
    writeFileSync(join(copy, file), original.replaceAll(from, to));
    return run(['test', 'rules', testFile], join(copy, 'tests'));
  }

  it('fail when the page burn rate is lowered', async () => {
    const { code, output } = await mutated('burn-rate-alerts.rules.yml', '(14.4 * 0.001)', '(12 * 0.001)', 'burn-rate-page.test.yml');
    expect(code).not.toBe(0);
    expect(output).toContain('job="below"');
  }, 180_000);

  it('fail when the short window is dropped', async () => {
    const { code, output } = await mutated('burn-rate-alerts.rules.yml', '\n          and slo:http_5xx:ratio_rate5m > (14.4 * 0.001)', '', 'burn-rate-page.test.yml');
    expect(code).not.toBe(0);
    expect(output).toContain('job="blip"');
  }, 180_000);

  it('fail when the minimum request count is dropped', async () => {
    const { code, output } = await mutated('burn-rate-alerts.rules.yml', '\n          and slo:http_requests:rate1h * 3600 >= 10 / (14.4 * 0.001)', '', 'burn-rate-page.test.yml');
    expect(code).not.toBe(0);
    expect(output).toContain('job="quiet"');
  }, 180_000);
});
