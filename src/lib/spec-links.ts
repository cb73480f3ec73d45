/** The RFC number and section a spec URL points at, e.g. `{ rfc: 9110, section: '15.6.4' }`. */
export function parseRfcUrl(url: string): { rfc: number; section: string } | undefined {
  const parsed = new URL(url);
  const rfc = /\/rfc\/?rfc(\d+)(?:\.html)?$/i.exec(parsed.pathname)?.[1];
  const section = /^#section-([\d.]+)$/.exec(parsed.hash)?.[1];
  return rfc && section ? { rfc: Number(rfc), section } : undefined;
}
