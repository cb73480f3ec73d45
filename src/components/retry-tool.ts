import { releaseAnswerHold } from '../lib/answer-hold';
import { drawDeferred } from '../lib/deferred-markup';
import { type CodeRetryFacts, decideRetry, formatDuration, type RetryDecision } from '../lib/retry-decision';

/**
 * The "Should I retry?" form: reads the question from the form (or from the URL, so an answer
 * can be shared), runs the shared decision module and shows the answer and a snippet.
 */
class RetryTool extends HTMLElement {
  connectedCallback(): void {
    try {
      this.#start();
    } finally {
      releaseAnswerHold();
    }
  }

  #start(): void {
    const form = this.querySelector('form');
    const data = this.querySelector('script[data-codes]');
    if (!form || !data) return;
    const codes = JSON.parse(data.textContent ?? '[]') as CodeRetryFacts[];
    const params = new URLSearchParams(location.search);
    if (params.has('status')) {
      for (const [name, value] of params) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === '1';
        else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
      }
      this.#answer(form, codes);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      this.#answer(form, codes);
      // The question lives in the URL, so the answer can be shared and reloaded.
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (value !== '') query.set(name, String(value));
      history.replaceState(null, '', `?${query}`);
    });
  }

  #answer(form: HTMLFormElement, codes: CodeRetryFacts[]): void {
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const output = this.querySelector<HTMLElement>('[data-answer]');
    if (!output) return;
    const status = Number(field('status')?.value);
    const attempt = Number(field('attempt')?.value);
    let decision: RetryDecision;
    try {
      decision = decideRetry(
        {
          status,
          method: field('method')?.value ?? 'GET',
          idempotencyKey: (field('key') as HTMLInputElement | null)?.checked ?? false,
          retryAfter: field('after')?.value,
          attempt,
        },
        codes,
      );
    } catch (error) {
      output.replaceChildren(paragraph(error instanceof RangeError ? 'Enter a status code from 500 to 599 and an attempt of 1 or more.' : 'Something went wrong; check the values.'));
      return;
    }
    const verdict = document.createElement('p');
    verdict.className = `verdict ${decision.retry ? 'retry' : 'stop'}`;
    verdict.textContent = decision.retry ? `Retry${describeDelay(decision)}.` : 'Do not retry automatically.';
    const reasons = document.createElement('ul');
    for (const reason of decision.reasons) {
      const item = document.createElement('li');
      item.append(reason.text);
      if (reason.source) {
        const link = document.createElement('a');
        link.href = reason.source.url;
        link.textContent = reason.source.label;
        item.append(' (', link, ')');
      }
      reasons.append(item);
    }
    const why = paragraph('Why:');
    output.replaceChildren(verdict, why, reasons);
    // The snippet for the chosen language, drawn from its text on first use (DeferredMarkup.astro).
    const lang = field('lang')?.value ?? '';
    drawDeferred(this, lang);
    for (const section of this.querySelectorAll<HTMLElement>('section[data-key]')) {
      section.hidden = section.dataset['key'] !== lang;
    }
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function describeDelay(decision: RetryDecision): string {
  const delay = decision.delay;
  if (!delay) return '';
  if (delay.from === 'retry-after') {
    return delay.minMs === delay.maxMs
      ? ` after ${formatDuration(delay.minMs)} (Retry-After)`
      : ` after ${formatDuration(delay.minMs)} to ${formatDuration(delay.maxMs)} (Retry-After, then backoff)`;
  }
  return ` after a random wait of up to ${formatDuration(delay.maxMs)}`;
}

customElements.define('retry-tool', RetryTool);
