import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCatalogueProblems, type CatalogueContext } from '../../src/lib/messages/checks';
import { defaultCataloguePaths, loadCatalogue } from '../../src/lib/messages/load';
import { repositoryRef } from '../../src/lib/messages/schema';
import { pasteSet } from '../support/paste-set';

const entry = (code: number, name: string) => ({ code, name, status: 'standard' as const, retry: 'yes', summary: name, aliases: [], layers: [] });
const CONTEXT: CatalogueContext = {
  codes: new Map([
    [502, { entry: entry(502, 'Bad Gateway'), headings: new Set(['what-it-means', 'typical-triggers']) }],
    [504, { entry: entry(504, 'Gateway Timeout'), headings: new Set(['typical-triggers']) }],
  ]),
  guideSections: new Set(['nginx-reverse-proxy']),
};
const SOURCE = { label: 'nginx source: ngx_http_upstream.c', url: 'https://github.com/nginx/nginx/blob/release-1.27.3/src/http/ngx_http_upstream.c' };
const message = (overrides: Record<string, unknown> = {}) => ({
  id: 'no-live-upstreams',
  text: 'no live upstreams while connecting to upstream',
  codes: [{ code: 502 }],
  meaning: 'Every server in the upstream group is marked down.',
  check: 'The error log for why the servers failed.',
  seenIn: 'log',
  source: SOURCE,
  ...overrides,
});
const file = (messages: unknown[], overrides: Record<string, unknown> = {}) => ({
  filePath: 'content/messages/nginx.yaml',
  data: { emitter: 'nginx', name: 'nginx', layer: 'reverse-proxy', verified: '2026-11-30', messages, ...overrides },
});
const problems = (...files: ReturnType<typeof file>[]) => findCatalogueProblems(files, CONTEXT).problems;

describe('catalogue checks: each names the file, the entry and the field', () => {
  it('passes a valid file', () => {
    expect(problems(file([message()]))).toEqual([]);
  });

  it('refuses a code that has no page', () => {
    expect(problems(file([message({ codes: [{ code: 599 }] })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "codes[0].code": 599 has no page; add content/codes/599.mdx or leave the message out',
    ]);
  });

  it('refuses an entry without a source, and a source at a moving branch', () => {
    const { source: _dropped, ...withoutSource } = message();
    expect(problems(file([withoutSource]))).toEqual([expect.stringMatching(/^content\/messages\/nginx\.yaml: messages\[0\] "no-live-upstreams": field "source": /)]);
    const moving = message({ source: { label: 'nginx', url: 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c' } });
    expect(problems(file([moving]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "source.url": a source file must be linked at a tag or commit, not at a branch such as main',
    ]);
  });

  it('refuses an invalid pattern and an unsafe one', () => {
    expect(problems(file([message({ text: undefined, pattern: 'upstream (timed', examples: ['upstream (timed'] })]))[0]).toMatch(
      /^content\/messages\/nginx\.yaml: messages\[0\] "no-live-upstreams": field "pattern": Invalid regular expression/,
    );
    expect(problems(file([message({ text: undefined, pattern: 'upstream (a+)+ timed', examples: ['upstream aa timed'] })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "pattern": a group may only be made optional with "?", never repeated',
    ]);
  });

  it('refuses a pattern that does not match its own example', () => {
    const entry = message({ text: undefined, pattern: 'upstream timed out \\(\\d+: [^)]*\\)', examples: ['upstream timed out (110 Connection timed out)'] });
    expect(problems(file([entry]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "examples[0]": not recognised as this entry (the pattern does not match it)',
    ]);
  });

  it('refuses two entries that claim one example with different codes, unless they say so', () => {
    const general = message({ id: 'timed-out', text: 'upstream timed out', codes: [{ code: 504 }], examples: ['upstream timed out (110: x) while connecting'] });
    const specific = message({ id: 'connect-timed-out', text: 'upstream timed out (110: x) while connecting', codes: [{ code: 502 }] });
    expect(problems(file([general, specific]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "timed-out": field "examples[0]": also recognised as nginx/connect-timed-out (codes 502, here 504); make one entry more specific, or list each other in sharedWith',
    ]);
    expect(problems(file([{ ...general, sharedWith: ['nginx/connect-timed-out'] }, specific]))).toEqual([]);
  });

  it('refuses a section that is not on the page, or not on the page of one of its codes', () => {
    expect(problems(file([message({ section: '502#no-such-heading' })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "section": the 502 page has no heading with the id "no-such-heading"',
    ]);
    expect(problems(file([message({ section: '504#typical-triggers' })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "section": section must be on the page of one of the entry\'s codes',
    ]);
  });

  it('refuses several codes without the condition that picks each', () => {
    expect(problems(file([message({ codes: [{ code: 502 }, { code: 504, when: 'the backend timed out' }] })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "codes": with several codes, each needs "when": the condition that picks it',
    ]);
  });

  it('refuses a file named after another emitter, an unknown guide section and a duplicate id', () => {
    expect(problems(file([message(), message()], { emitter: 'apache', guide: 'apache-section' }))).toEqual([
      'content/messages/nginx.yaml: field "emitter": is "apache" but the file is named nginx.yaml',
      'content/messages/nginx.yaml: field "guide": "apache-section" is not a section of the "Who sent this 5xx?" guide (sections: nginx-reverse-proxy)',
      'content/messages/nginx.yaml: messages[1] "no-live-upstreams": field "id": "no-live-upstreams" is used twice in this file',
    ]);
  });

  it('refuses a literal that keeps no words once ids are dropped', () => {
    expect(problems(file([message({ text: '8b1f3c2d9e0a1234' })]))).toEqual([
      'content/messages/nginx.yaml: messages[0] "no-live-upstreams": field "text": has no words the matcher can use (ids and numbers are dropped); write the words of the message, or use a pattern',
    ]);
  });
});

describe('repositoryRef', () => {
  it.each([
    ['https://github.com/nginx/nginx/blob/release-1.27.3/src/http/ngx_http_upstream.c#L10', 'release-1.27.3'],
    ['https://github.com/envoyproxy/envoy/blob/0075dc3/source/common/http/utility.cc', '0075dc3'],
    ['https://raw.githubusercontent.com/apache/httpd/2.4.62/modules/proxy/mod_proxy.c', '2.4.62'],
    ['https://nginx.org/en/docs/http/ngx_http_upstream_module.html', undefined],
  ])('reads the ref of %s', (url, ref) => {
    expect(repositoryRef(url)).toBe(ref);
  });
});

describe('the catalogue and the development set', () => {
  const root = join(import.meta.dirname, '../..');
  const catalogue = loadCatalogue(defaultCataloguePaths(root));
  const messages = catalogue.files.flatMap((entry) => entry.data.messages);

  it('holds at least 250 messages from at least 25 emitters, each with a source', () => {
    expect(catalogue.files.length).toBeGreaterThanOrEqual(25);
    expect(messages.length).toBeGreaterThanOrEqual(250);
    for (const entry of messages) expect(entry.source.url).toMatch(/^https:\/\//);
  });

  it('has at least 150 real pastes, each with its expected codes and where it was found', () => {
    const cases = pasteSet();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const codes = new Set(catalogue.codes.map((page) => page.code));
    for (const item of cases) for (const code of item.codes) expect(codes).toContain(code);
  });

  it('keeps the development set apart from the catalogue’s own examples', () => {
    const examples = new Set(messages.flatMap((entry) => entry.examples.map((example) => example.trim())));
    const reused = pasteSet().filter((item) => examples.has(item.paste.trim()));
    expect(reused.map((item) => item.paste)).toEqual([]);
  });
});
