/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** A sitemap.xml document listing `urls` (absolute). */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

/** An OpenSearch description whose search URL is `searchUrl` with `{searchTerms}` appended. */
export function openSearchXml(options: { shortName: string; description: string; searchUrl: string; icon: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeXml(options.shortName)}</ShortName>
  <Description>${escapeXml(options.description)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image type="image/svg+xml">${escapeXml(options.icon)}</Image>
  <Url type="text/html" method="get" template="${escapeXml(options.searchUrl)}{searchTerms}"/>
</OpenSearchDescription>
`;
}
