import { EMITTER_LABELS } from '../emitters.ts';
import type { Answer } from '../messages/match.ts';
import type { CodeIndexEntry } from '../messages/matcher-data.ts';
import { codePath } from '../site-paths.ts';
import type { CodeHit } from './code-search.ts';

/** One row of search results, whatever found it. Rendered by the search box and the search page. */
export interface Row {
  /** Unique within a list. */
  key: string;
  /** Root-relative link, with a fragment for a message's section. */
  path: string;
  title: string;
  /** The code the row leads to. */
  code: number;
  status?: 'standard' | 'unofficial';
  retry?: string;
  /** Plain text under the title: a message's meaning, a code's summary. */
  detail?: string;
  /** Pagefind's excerpt, HTML with `<mark>` (only text and marks are ever rendered). */
  excerptHtml?: string;
  /** A short line of context: the layer, the condition, where the status was stated. */
  meta?: string;
  /** Layers (emitter ids) the row is about, for the layer filter. */
  layers: string[];
  kind: 'message' | 'status' | 'code' | 'page';
}

/** Keeps a message's text short enough for one line of a dropdown. */
function clip(text: string, length = 90): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** Rows for what the matcher found: recognised messages, and statuses the paste states. */
export function answerRows(answers: readonly Answer[], codes: ReadonlyMap<number, CodeIndexEntry>): Row[] {
  return answers.flatMap((answer): Row[] => {
    if (answer.kind === 'status') {
      const entry = codes.get(answer.code);
      if (!entry) return [];
      const by = answer.layer ? `${answer.layer.emitter.name} (${clip(answer.layer.header, 60)})` : undefined;
      return [
        {
          key: `status:${answer.code}`,
          path: codePath(answer.code),
          title: by ? `${by} → ${answer.code} ${entry.name}` : `${answer.code} ${entry.name}`,
          code: answer.code,
          status: entry.status,
          retry: entry.retry,
          detail: entry.summary,
          meta: by ? `Status stated in what you pasted; the headers name ${answer.layer?.emitter.name}` : 'Status stated in what you pasted',
          layers: answer.layer ? [answer.layer.emitter.layer] : entry.layers,
          kind: 'status',
        },
      ];
    }
    const { hit } = answer;
    const entry = codes.get(hit.code);
    if (!entry) return [];
    const [pageCode, fragment] = hit.message.section?.split('#') ?? [];
    const path = Number(pageCode) === hit.code && fragment ? `${codePath(hit.code)}#${fragment}` : codePath(hit.code);
    const meta = [EMITTER_LABELS[hit.message.emitter.layer], hit.when ? `when ${hit.when}` : undefined].filter(Boolean).join(' · ');
    return [
      {
        key: `message:${hit.message.key}:${hit.code}`,
        path,
        title: `${hit.message.emitter.name} · ${clip(hit.matched)} → ${hit.code} ${entry.name}`,
        code: hit.code,
        status: entry.status,
        retry: entry.retry,
        ...(hit.message.meaning !== undefined ? { detail: hit.message.meaning } : {}),
        meta,
        layers: [hit.message.emitter.layer],
        kind: 'message',
      },
    ];
  });
}

/** Rows for codes found in the small code index. */
export function codeRows(hits: readonly CodeHit[]): Row[] {
  return hits.map(({ entry }) => ({
    key: `code:${entry.code}`,
    path: codePath(entry.code),
    title: `${entry.code} ${entry.name}`,
    code: entry.code,
    status: entry.status,
    retry: entry.retry,
    detail: entry.summary,
    layers: entry.layers,
    kind: 'code',
  }));
}

/**
 * Joins lists of rows in order of trust: each code's page is listed once, unless a recognised
 * message leads to it (a message row is more specific than the page itself, and several messages
 * can lead to one page).
 */
export function mergeRows(...lists: ReadonlyArray<readonly Row[]>): Row[] {
  const out: Row[] = [];
  const keys = new Set<string>();
  const codesShown = new Set<number>();
  for (const row of lists.flat()) {
    if (keys.has(row.key)) continue;
    if (row.kind !== 'message' && codesShown.has(row.code)) continue;
    keys.add(row.key);
    codesShown.add(row.code);
    out.push(row);
  }
  return out;
}
