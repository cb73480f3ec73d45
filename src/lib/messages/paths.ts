/** The id of a message's entry on the messages pages, e.g. `nginx--upstream-timed-out`. */
export function messageAnchor(emitter: string, id: string): string {
  return `${emitter}--${id}`;
}

/** Root-relative path of an emitter's page of messages: `emitterPath('nginx')` is `/messages/by/nginx/`. */
export function emitterPath(emitter: string): string {
  return `/messages/by/${emitter}/`;
}

/** Root-relative link to one message's entry on its emitter's page. */
export function messagePath(emitter: string, id: string): string {
  return `${emitterPath(emitter)}#${messageAnchor(emitter, id)}`;
}

/** Root-relative path of the page of messages that come with a code: `/messages/503/`. */
export function messagesForCodePath(code: number): string {
  return `/messages/${code}/`;
}
