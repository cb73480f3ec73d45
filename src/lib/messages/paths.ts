/** The id of a message's entry on the messages pages, e.g. `nginx--upstream-timed-out`. */
export function messageAnchor(emitter: string, id: string): string {
  return `${emitter}--${id}`;
}
