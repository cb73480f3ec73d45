import { codeToHtml, createCssVariablesTheme } from 'shiki';
import { describe, expect, it } from 'vitest';
import { shikiTokenClasses } from '../../src/lib/shiki-token-classes';

const SOURCE = 'const delay = Math.min(cap, base * 2 ** attempt); // full jitter\nreturn fetch(url, { method: "GET" });';

// The theme Astro uses for `theme: 'css-variables'` (astro.config.mjs, Snippet.astro).
const theme = createCssVariablesTheme({ name: 'css-variables', variablePrefix: '--astro-code-' });
const highlight = (code: string) => codeToHtml(code, { lang: 'ts', theme, transformers: [shikiTokenClasses()] });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#x3C;', '<')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x26;', '&')
    .replaceAll('&#x27;', "'");

describe('shikiTokenClasses', () => {
  it('gives coloured tokens a class and no inline style', async () => {
    const html = await highlight(SOURCE);
    expect(html).toContain('<span class="t-keyword">const</span>');
    expect(html).toContain('<span class="t-comment">// full jitter</span>');
    expect(html).not.toMatch(/<span style=/);
    expect(html).not.toContain('--astro-code-token-');
  });

  it('leaves tokens in the block colour as bare text, keeping every character', async () => {
    const html = await highlight(SOURCE);
    // Plain identifiers and punctuation sit in the line without a span of their own.
    expect(html).not.toContain('astro-code-foreground)"');
    expect(html).not.toContain('t-punctuation');
    expect(html).toMatch(/<span class="line">[^<]*<span class="t-keyword">return<\/span>/);
    expect(html).not.toMatch(/<span>/);
    expect(text(html)).toBe(SOURCE);
    expect(html.match(/<span class="line">/g)).toHaveLength(2);
  });

  it('writes the line count on the pre for its placeholder height', async () => {
    const html = await highlight(SOURCE);
    expect(html).toMatch(/<pre[^>]*style="[^"]*--lines:2"/);
  });
});
