import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distFiles, distRoot } from './dist-files';

// Every built page against html-validate's recommended rules (.htmlvalidate.json says which are relaxed and why).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('dist/ HTML', () => {
  it.each(distFiles('.html'))('%s is valid', async (file) => {
    const report = await validator.validateFile(`${distRoot}/${file}`);
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? ''})`),
    );
    expect(messages).toEqual([]);
  });
});

// Base.astro holds the first paint until the header is parsed (`<link rel="expect" blocking="render">`),
// so the search box does not jump when the theme button arrives. A target that is missing, or placed
// far down the page, would instead hold the paint until the whole page has been parsed.
describe('dist/ render blocking', () => {
  it.each(distFiles('.html'))('%s holds its first paint for the site header, and no longer', (file) => {
    const html = readFileSync(join(distRoot, file), 'utf8');
    const links = [...html.matchAll(/<link\b[^>]*\brel="expect"[^>]*>/g)].map((match) => match[0]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/\bblocking="render"/);
    const target = /\bhref="#([^"]+)"/.exec(links[0] ?? '')?.[1];
    expect(target).toBeTruthy();
    const ids = [...html.matchAll(new RegExp(`\\bid="${target}"`, 'g'))].map((match) => match.index);
    expect(ids).toHaveLength(1);
    const headerEnd = html.indexOf('</header>');
    const mainStart = html.indexOf('<main');
    expect(headerEnd).toBeGreaterThan(0);
    expect(ids[0]).toBeGreaterThan(headerEnd);
    expect(ids[0]).toBeLessThan(mainStart);
  });
});
