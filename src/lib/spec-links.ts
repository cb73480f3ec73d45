/** The RFC number and section a spec URL points at, e.g. `{ rfc: 9110, section: '15.6.4' }`. */
export function parseRfcUrl(url: string): { rfc: number; section: string } | undefined {
  const parsed = new URL(url);
  const rfc = /\/rfc\/?rfc(\d+)(?:\.html)?$/i.exec(parsed.pathname)?.[1];
  const section = /^#section-([\d.]+)$/.exec(parsed.hash)?.[1];
  return rfc && section ? { rfc: Number(rfc), section } : undefined;
}

/**
 * For a citation of an RFC section, what its label should read when the label and the URL
 * disagree (`RFC 9110 §15.6.4`); undefined when they agree or the URL is not an RFC section.
 * Catches the classic slip of updating one and not the other.
 */
export function rfcLabelMismatch(source: { label: string; url: string }): string | undefined {
  const target = parseRfcUrl(source.url);
  if (!target) return undefined;
  const expected = `RFC ${target.rfc} §${target.section}`;
  const escaped = expected.replace(/[.]/g, '\\.');
  // "RFC 9110 §15.6.4" must not pass for a URL to §15.6 or §15.6.41.
  return new RegExp(`^${escaped}(?![\\d.])`).test(source.label) ? undefined : expected;
}
