import { join } from 'node:path';
import { CatalogueError } from '../src/lib/messages/checks.ts';
import { defaultCataloguePaths, loadCatalogue } from '../src/lib/messages/load.ts';
import { analyze, answers, createMatcher } from '../src/lib/messages/match.ts';
import { toMatcherData, toMessageChecks, toMessageDetails } from '../src/lib/messages/matcher-data.ts';
import { pasteSet } from '../tests/support/paste-set.ts';

/**
 * `npm run check:messages`: checks the error-message catalogue as the build does (naming the file,
 * the entry and the field of every problem), then runs the development set through the matcher
 * alone (no Pagefind) and prints what comes first for each paste. Exits 1 on any catalogue problem.
 * `--quiet` prints only the misses and the totals; `--set FILE` (repeatable) runs other sets of
 * the same form instead of tests/paste-set/.
 */
const quiet = process.argv.includes('--quiet');
const setFiles = process.argv.flatMap((arg, i) => (arg === '--set' && process.argv[i + 1] ? [process.argv[i + 1] as string] : []));
const root = join(import.meta.dirname, '..');

let catalogue;
try {
  catalogue = loadCatalogue(defaultCataloguePaths(root));
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(error.message);
  console.error(`\n${error.problems.length} problem(s).`);
  process.exit(1);
}

const emitterFiles = catalogue.files.map((file) => file.data);
const matcher = createMatcher(
  toMatcherData(emitterFiles, catalogue.codes),
  toMessageDetails(emitterFiles, catalogue.codes),
  toMessageChecks(emitterFiles),
);
console.log('Catalogue: OK');
for (const { data } of catalogue.files) {
  console.log(`  ${data.emitter.padEnd(32)} ${String(data.messages.length).padStart(3)} messages, ${data.fingerprints.length} fingerprints`);
}
const emitterCount = catalogue.files.length;
const messageCount = catalogue.files.reduce((sum, file) => sum + file.data.messages.length, 0);
console.log(`  ${messageCount} messages from ${emitterCount} emitters\n`);

const examples = new Set(catalogue.files.flatMap((file) => file.data.messages.flatMap((message) => message.examples.map((example) => example.trim()))));
const cases = pasteSet(setFiles.length > 0 ? setFiles : undefined);
let top1 = 0;
let top3 = 0;
let empty = 0;
let reused = 0;
for (const [index, item] of cases.entries()) {
  const ranked = answers(analyze(item.paste, matcher));
  const codes = ranked.map((answer) => (answer.kind === 'message' ? answer.hit.code : answer.code));
  const first = codes[0];
  const firstThree = [...new Set(codes)].slice(0, 3);
  const ok1 = first !== undefined && item.codes.includes(first);
  const ok3 = firstThree.some((code) => item.codes.includes(code));
  if (ok1) top1++;
  if (ok3) top3++;
  if (ranked.length === 0) empty++;
  const isExample = examples.has(item.paste.trim());
  if (isExample) reused++;
  if (!quiet || !ok1 || isExample) {
    const shown = ranked.slice(0, 3).map((answer) =>
      answer.kind === 'message' ? `${answer.hit.code} ${answer.hit.message.key}${answer.hit.partial ? ' (part)' : ''}` : `${answer.code} (stated${answer.layer ? `, ${answer.layer.emitter.id}` : ''})`,
    );
    const mark = ok1 ? 'ok  ' : ok3 ? 'top3' : 'MISS';
    const flat = item.paste.replace(/\s+/g, ' ').slice(0, 110);
    console.log(`${mark} ${item.file}[${index}] want ${item.codes.join('/')}: ${shown.join(' | ') || 'nothing recognised'}${isExample ? '  <- also a catalogue example: remove it from one of the two' : ''}\n       ${flat}`);
  }
}
const pct = (n: number) => (cases.length === 0 ? '-' : `${((100 * n) / cases.length).toFixed(1)} %`);
console.log(`\nDevelopment set, matcher alone: ${cases.length} pastes; top-1 ${pct(top1)}, top-3 ${pct(top3)}, nothing recognised ${pct(empty)}`);
if (reused > 0) {
  console.error(`${reused} paste(s) are also catalogue examples; the set must be separate.`);
  process.exit(1);
}
