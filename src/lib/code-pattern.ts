/**
 * For a query that names a range of codes rather than words (`5`, `50`, `5x`, `5xx`, `52x`),
 * the test a code must pass to match it; undefined for any other query, a full code included.
 * `x` stands for any digit, as in "5xx".
 */
export function codePattern(query: string): ((code: number) => boolean) | undefined {
  const text = query.trim().toLowerCase();
  if (!/^5[\dx]{0,2}$/.test(text) || /^5\d\d$/.test(text)) return undefined;
  const pattern = new RegExp(`^${text.replace(/x/g, '\\d')}`);
  return (code) => pattern.test(String(code));
}
