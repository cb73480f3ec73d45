import { type BurnRateReport, calculate, type CalculatorInput, type Field, type FieldError } from '../lib/alerting/calculator';
import { formatCount, formatFactor, formatPercent, formatSpan, formatWindow } from '../lib/alerting/format';

/**
 * The burn-rate calculator on the alerting guide: reads the form, runs the shared calculator
 * module and shows the burn rate, the budget and what each alert would do. A bad field gets its
 * message next to it (aria-describedby, aria-invalid); the rest of the page is left alone.
 */

const FIELDS: Field[] = ['slo', 'periodDays', 'errorRatio', 'requestRate', 'budgetSpent'];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

class BurnRateCalculator extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update(form, 'submit');
    });
    // Leaving a field clears its message once it is fixed, and answers when every field is valid.
    // New messages wait for Calculate: one appearing on blur would move the button under the pointer.
    form.addEventListener('change', () => this.#update(form, 'change'));
    this.#update(form, 'change');
  }

  #update(form: HTMLFormElement, on: 'submit' | 'change'): void {
    const input = Object.fromEntries(FIELDS.map((name) => [name, this.#field(form, name)?.value ?? ''])) as CalculatorInput;
    const result = calculate(input);
    const errors = result.ok ? [] : result.errors;
    for (const name of FIELDS) {
      const error = errors.find((e) => e.field === name);
      if (on === 'submit' || !error || this.#field(form, name)?.getAttribute('aria-invalid') === 'true') this.#mark(form, name, error);
    }
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    const details = this.querySelector<HTMLElement>('[data-details]');
    if (!summary || !details) return;
    if (!result.ok) {
      details.replaceChildren();
      if (on === 'change') {
        summary.textContent = 'Press Calculate to check the values.';
        return;
      }
      summary.textContent = errors.length === 1 ? 'Check the field marked above.' : `Check the ${errors.length} fields marked above.`;
      this.#field(form, errors[0]?.field ?? 'slo')?.focus();
      return;
    }
    summary.textContent = sentence(result.report);
    details.replaceChildren(...render(result.report));
  }

  #field(form: HTMLFormElement, name: Field): HTMLInputElement | null {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement ? field : null;
  }

  /** Shows or clears a field's message, and ties it to the field for assistive technology. */
  #mark(form: HTMLFormElement, name: Field, error: FieldError | undefined): void {
    const field = this.#field(form, name);
    const message = this.querySelector<HTMLElement>(`#br-${name}-error`);
    if (!field || !message) return;
    const hint = `br-${name}-hint`;
    if (error) {
      message.textContent = error.message;
      message.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', `${message.id} ${hint}`);
    } else {
      message.textContent = '';
      message.hidden = true;
      field.removeAttribute('aria-invalid');
      field.setAttribute('aria-describedby', hint);
    }
  }
}

/** The one-line answer, read out by screen readers. */
function sentence(r: BurnRateReport): string {
  const burn = `Burn rate ${formatFactor(r.burnRate)}`;
  if (r.minutesUntilExhausted === null) return `${burn}: nothing is spent at this error ratio.`;
  if (r.budgetLeft <= 0) return `${burn}: the budget for this window is already spent.`;
  return `${burn}: at this error ratio the budget left lasts ${formatSpan(r.minutesUntilExhausted)}.`;
}

function render(r: BurnRateReport): HTMLElement[] {
  const list = element('dl', undefined, 'burn-results');
  const add = (term: string, value: string) => list.append(element('dt', term), element('dd', value));
  const requests = (n: number | null) => (n === null ? '' : `, or ${formatCount(n)} failed requests at ${formatCount(r.requestRate ?? 0)} a second`);
  add('Burn rate', `${formatFactor(r.burnRate)}× (error ratio ${formatPercent(r.errorRatio)} ÷ error budget ${formatPercent(r.errorBudget)}). The most this target allows is ${formatFactor(r.maxBurnRate)}×, every request failing.`);
  add('Error budget', `${formatPercent(r.errorBudget)} of requests: ${formatSpan(r.budgetMinutes)} of total outage over ${formatFactor(r.periodDays)} days${requests(r.budgetRequests)}.`);
  add('Budget left', `${formatPercent(r.budgetLeft)}: ${formatSpan(r.budgetLeftMinutes)} of total outage${requests(r.budgetLeftRequests)}.`);
  add(
    'Time until it runs out',
    r.minutesUntilExhausted === null ? 'Never, at an error ratio of 0.' : r.budgetLeft <= 0 ? 'Already spent.' : `${formatSpan(r.minutesUntilExhausted)} at this error ratio.`,
  );

  const wrap = element('section', undefined, 'table-scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('aria-labelledby', 'br-alerts-caption');
  const table = element('table', undefined, 'thresholds');
  const caption = element('caption', `Alerts for ${formatFactor(r.sloPercent)}% over ${formatFactor(r.periodDays)} days`);
  caption.id = 'br-alerts-caption';
  const head = element('tr');
  for (const text of ['Alert', 'Burn rate', 'Error ratio', 'Fewest requests in the long window', 'At your error ratio']) {
    const th = element('th', text);
    th.scope = 'col';
    head.append(th);
  }
  const body = element('tbody');
  for (const t of r.tiers) {
    const row = element('tr');
    const name = element('th', `${t.tier.severity === 'page' ? 'Page' : 'Ticket'}${t.tier.optional ? ' (optional)' : ''}: ${formatWindow(t.tier.longWindowMinutes)} and ${formatWindow(t.tier.shortWindowMinutes)}`);
    name.scope = 'row';
    const verdict = !t.canFire ? 'Cannot fire: even a total outage stays under the threshold.' : t.firesAfterMinutes === null ? 'Stays quiet.' : `Fires after ${formatSpan(t.firesAfterMinutes)}.`;
    row.append(
      name,
      element('td', `${formatFactor(t.burnRate)}×`),
      element('td', formatPercent(t.errorRatio)),
      element('td', formatCount(t.minRequests)),
      element('td', verdict, t.firesAfterMinutes !== null && t.canFire ? 'fires' : undefined),
    );
    body.append(row);
  }
  const thead = element('thead');
  thead.append(head);
  table.append(caption, thead, body);
  wrap.append(table);
  return [list, wrap];
}

customElements.define('burn-rate-calculator', BurnRateCalculator);
