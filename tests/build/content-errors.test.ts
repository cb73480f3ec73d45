import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// Each case copies the two-entry fixture, breaks one thing, runs a real `astro build` on it, and
// checks that the build fails with a message naming the file and the field.
const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/minimal');
const messagesFixture = join(root, 'tests/fixtures/minimal-messages');
const work = mkdtempSync(join(tmpdir(), 'http5xx-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function buildWith(
  name: string,
  breakIt: (dir: string) => void,
  breakMessages: (file: string) => void = () => undefined,
): Promise<{ ok: boolean; output: string }> {
  const dir = join(work, name);
  const messages = join(work, `${name}-messages`);
  cpSync(fixture, dir, { recursive: true });
  cpSync(messagesFixture, messages, { recursive: true });
  breakIt(dir);
  breakMessages(join(messages, 'nginx.yaml'));
  try {
    const { stdout, stderr } = await run('npx', ['astro', 'build'], {
      cwd: root,
      env: {
        ...process.env,
        HTTP5XX_CODES_DIR: dir,
        HTTP5XX_MESSAGES_DIR: messages,
        HTTP5XX_OUT_DIR: join(work, `${name}-dist`),
        HTTP5XX_CACHE_DIR: join(work, `${name}-cache`),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, changed);
}

describe('astro build on broken content', { timeout: 120_000 }, () => {
  it('succeeds on the unbroken fixture (so the failures below are caused by the breakage)', async () => {
    const result = await buildWith('valid', () => undefined);
    expect(result.output).toContain('Complete!');
    expect(result.ok).toBe(true);
  });

  it('fails on invalid frontmatter, naming the file and the field', async () => {
    const result = await buildWith('invalid-field', (dir) =>
      edit(join(dir, '503.mdx'), 'verdict: conditional', 'verdict: maybe'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/503\.mdx/);
    expect(result.output).toMatch(/retry\.verdict/);
  });

  it('fails when a required field is missing, naming it', async () => {
    const result = await buildWith('missing-field', (dir) => edit(join(dir, '500.mdx'), /^summary: .*\n/m, ''));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/500\.mdx/);
    expect(result.output).toMatch(/summary/);
  });

  it('fails when a code does not match its file name', async () => {
    const result = await buildWith('wrong-name', (dir) => edit(join(dir, '503.mdx'), 'code: 503', 'code: 504'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('503.mdx: field "code": is 504 but the file is named 503');
  });

  it('fails when two files claim one code', async () => {
    const result = await buildWith('duplicate', (dir) => {
      cpSync(join(dir, '503.mdx'), join(dir, '503-copy.mdx'));
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/503-copy\.mdx and .*503\.mdx: field "code": 2 files claim code 503/);
  });

  it('fails when related names a code that has no entry', async () => {
    const result = await buildWith('dangling-related', (dir) =>
      edit(join(dir, '500.mdx'), 'related: [503]', 'related: [503, 599]'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('500.mdx: field "related": 599 has no entry');
  });

  it('fails when the body leaves out a section of the template', async () => {
    const result = await buildWith('missing-section', (dir) =>
      edit(join(dir, '500.mdx'), '## Alerting and monitoring', '## Monitoring'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('500.mdx: body: missing section "## Alerting and monitoring"');
  });

  // The error-message catalogue: each break must fail the build naming the file, the entry and the field.
  const brokenCatalogue: Array<[what: string, from: string | RegExp, to: string, expected: string]> = [
    [
      'a code that has no page',
      '      - code: 503',
      '      - code: 502',
      'nginx.yaml: messages[0] "limit-req": field "codes[0].code": 502 has no page',
    ],
    [
      'a pattern that is not linear-time safe',
      "pattern: '[0-9]{1,10} worker_connections are not enough'",
      "pattern: '[0-9]{1,10} (worker_connections )+are not enough'",
      'nginx.yaml: messages[1] "worker-connections": field "pattern": a group may only be made optional',
    ],
    [
      'a pattern that does not match its own example',
      '1024 worker_connections are not enough',
      '1024 worker connections are not enough',
      'nginx.yaml: messages[1] "worker-connections": field "examples[0]": not recognised as this entry',
    ],
    [
      'an entry with no source',
      /    source:\n      label: "nginx docs: limit_req"\n      url: [^\n]+\n/,
      '',
      'nginx.yaml: messages[0] "limit-req": field "source"',
    ],
    [
      'two entries that claim one example with different codes',
      "      - '2024/03/05 10:12:41 [alert] 31#31: 1024 worker_connections are not enough'",
      "      - '2024/03/05 10:12:41 [alert] 31#31: 1024 worker_connections are not enough, limiting requests, excess'",
      'nginx.yaml: messages[1] "worker-connections": field "examples[0]": also recognised as nginx/limit-req',
    ],
  ];
  for (const [what, from, to, expected] of brokenCatalogue) {
    it(`fails on ${what} in the message catalogue`, async () => {
      const result = await buildWith(`catalogue-${what.replace(/\W+/g, '-')}`, () => undefined, (file) => edit(file, from, to));
      expect(result.ok).toBe(false);
      expect(result.output).toContain(expected);
    });
  }
});
