import { EMITTERS } from '../emitters.ts';
import { literalText } from './pattern-safety.ts';
import type { EmitterFile, MessageEntry } from './schema.ts';

/** How a message reads on the page: the literal, or a pattern's words with "…" for its variable parts. */
export function displayText(message: Pick<MessageEntry, 'text' | 'pattern'>): string {
  return message.text ?? literalText(message.pattern ?? '', '…');
}

export { messageAnchor } from './paths.ts';

/** Emitters in the order the pages list them: by layer, from the application outwards, then by name. */
export function sortEmitters<T extends Pick<EmitterFile, 'layer' | 'name'>>(files: readonly T[]): T[] {
  return [...files].sort(
    (a, b) => EMITTERS.indexOf(a.layer) - EMITTERS.indexOf(b.layer) || a.name.localeCompare(b.name, 'en'),
  );
}

/** For one code, each emitter with the messages that can produce it. */
export function messagesForCode(files: readonly EmitterFile[], code: number): Array<{ file: EmitterFile; messages: MessageEntry[] }> {
  return sortEmitters(files)
    .map((file) => ({ file, messages: file.messages.filter((message) => message.codes.some((entry) => entry.code === code)) }))
    .filter((group) => group.messages.length > 0);
}

/** How many catalogued messages can produce each code. */
export function messageCounts(files: readonly EmitterFile[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const file of files) {
    for (const message of file.messages) {
      for (const { code } of message.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return counts;
}
