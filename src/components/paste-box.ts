import matcherData from 'virtual:matcherData';
import messageChecks from 'virtual:messageChecks';
import messageDetails from 'virtual:messageDetails';
import { EMITTER_LABELS } from '../lib/emitters';
import { analyze, answers, createMatcher, type Answer } from '../lib/messages/match';
import { codeIndex, type CodeIndexEntry } from '../lib/messages/matcher-data';
import { messageAnchor } from '../lib/messages/paths';
import { RETRY_VERDICT_LABELS, type RetryVerdict } from '../lib/retry-verdict';
import { toSearchBox, SEARCH_URL_MAX } from '../lib/search/query-text';
import { codePath, guidePath, withBase } from '../lib/site-paths';

/**
 * The paste box on "Who sent this 5xx?": the reader pastes a raw response or log lines and gets,
 * for each thing recognised, the layer that wrote it, the code, what it means, the retry verdict
 * and the first thing to check, all from the same catalogue that search uses.
 */

const matcher = createMatcher(matcherData, messageDetails, messageChecks);
const codes = new Map<number, CodeIndexEntry>(codeIndex(matcherData, messageDetails).map((entry) => [entry.code, entry]));
/** Answers shown at most. */
const LIMIT = 4;
/** Pastes longer than this are analysed once typing pauses, not on every keystroke. */
const LONG_PASTE = 20_000;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = element('a', text);
  anchor.href = href;
  return anchor;
}

/** A term and its description, for the answer's `<dl>`. */
function fact(list: HTMLDListElement, term: string, ...description: Array<Node | string>): void {
  const dd = element('dd');
  dd.append(...description);
  list.append(element('dt', term), dd);
}

class PasteBox extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('textarea');
    const output = this.querySelector<HTMLElement>('[data-output]');
    if (!form || !input || !output) return;
    const base = this.dataset['base'] ?? '/';
    const run = () => this.#render(base, input.value, output);
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      if (input.value.length > LONG_PASTE) this.#timer = setTimeout(run, 150);
      else run();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run();
    });
    if (input.value.trim() !== '') run();
  }

  #render(base: string, text: string, output: HTMLElement): void {
    if (text.trim() === '') {
      output.replaceChildren();
      return;
    }
    const analysis = analyze(text, matcher);
    const found = answers(analysis).slice(0, LIMIT);
    const heading = element('h3');
    heading.id = 'paste-box-result';
    if (found.length === 0) {
      heading.textContent = 'Nothing recognised';
      const hint = element('p');
      const query = toSearchBox(text).slice(0, SEARCH_URL_MAX);
      hint.append(
        'No catalogued message, stated status or identifying header was found. ',
        link(`${withBase(base, '/search/')}?q=${encodeURIComponent(query)}`, 'Search the site for its words'),
        ', or go through the quick checks below.',
      );
      output.replaceChildren(heading, hint);
      return;
    }
    heading.textContent = found.length === 1 ? 'What this is' : `What this is: ${found.length} candidates, most likely first`;
    const items = element('ol', undefined, 'paste-answers');
    for (const answer of found) items.append(this.#answer(base, answer));
    const parts: Node[] = [heading];
    if (analysis.layers.length > 0) {
      const layers = element('p');
      layers.append('Headers name: ');
      analysis.layers.forEach((layer, i) => {
        if (i > 0) layers.append('; ');
        layers.append(element('strong', layer.emitter.name), ` (${EMITTER_LABELS[layer.emitter.layer]}), from `, element('code', layer.header));
      });
      parts.push(layers);
    }
    parts.push(items);
    output.replaceChildren(...parts);
  }

  #answer(base: string, answer: Answer): HTMLLIElement {
    const item = element('li');
    const code = answer.kind === 'message' ? answer.hit.code : answer.code;
    const entry = codes.get(code);
    const list = element('dl');
    const page = withBase(base, codePath(code));
    const title = element('p', undefined, 'paste-answer-title');
    title.append(link(page, entry ? `${code} ${entry.name}` : String(code)));
    item.append(title);
    if (answer.kind === 'message') {
      const { hit } = answer;
      const emitter = hit.message.emitter;
      const who = [element('strong', emitter.name), ` (${EMITTER_LABELS[emitter.layer]})`];
      if (emitter.guide) who.push(' · ', link(`${withBase(base, guidePath('who-sent-this'))}#${emitter.guide}`, 'how to recognise it'));
      fact(list, 'Sent by', ...who);
      fact(list, 'Message', element('code', hit.matched));
      if (hit.when) fact(list, 'This code when', hit.when);
      if (hit.message.meaning) fact(list, 'What it means', hit.message.meaning);
      fact(list, 'Retry', ...this.#retry(page, entry));
      if (hit.message.check) fact(list, 'Check first', hit.message.check);
      const [emitterId = '', id = ''] = hit.message.key.split('/');
      fact(list, 'More', link(`${withBase(base, '/messages/')}#${messageAnchor(emitterId, id)}`, 'the catalogue entry and its source'));
    } else {
      const layer = answer.layer;
      if (layer) {
        fact(list, 'Sent by', element('strong', layer.emitter.name), ` (${EMITTER_LABELS[layer.emitter.layer]}), named by `, element('code', layer.header));
        if (layer.meaning) fact(list, 'What the header says', layer.meaning);
      } else fact(list, 'Sent by', 'not named by any header in the paste: see the quick checks below');
      fact(list, 'What it means', entry?.summary ?? '');
      fact(list, 'Retry', ...this.#retry(page, entry));
      if (layer?.emitter.guide) {
        fact(list, 'Check first', link(`${withBase(base, guidePath('who-sent-this'))}#${layer.emitter.guide}`, `the ${layer.emitter.name} section of this guide`));
      } else {
        fact(list, 'Check first', link(`${page}#what-the-server-or-operator-should-do`, `what to do about a ${code}`));
      }
    }
    item.append(list);
    return item;
  }

  #retry(page: string, entry: CodeIndexEntry | undefined): Array<Node | string> {
    const verdict = entry ? RETRY_VERDICT_LABELS[entry.retry as RetryVerdict] : undefined;
    if (!entry || !verdict) return ['see the code page'];
    const badge = element('span', verdict, `badge ${entry.retry}`);
    return [badge, ' ', link(`${page}#retry-semantics`, 'the rules')];
  }
}

customElements.define('paste-box', PasteBox);
