/** A section of the "Who sent this 5xx?" guide: one layer (nginx, Cloudflare, AWS ALB...). */
export interface LayerSection {
  /** Heading text, e.g. "nginx (reverse proxy)". */
  title: string;
  /** The heading's id on the guide page. */
  slug: string;
}

/**
 * Reads the guide's Markdown and returns, for each status code, the layer sections that list it
 * under their "### Codes it produces" sub-heading (as links such as `[502](/502/)`). The guide
 * stays the one place that says which layer produces which code; code pages link back to it.
 */
export function layersByCode(
  body: string,
  headings: ReadonlyArray<{ depth: number; slug: string; text: string }>,
): Map<number, LayerSection[]> {
  const byCode = new Map<number, LayerSection[]>();
  let layer: LayerSection | undefined;
  let inCodes = false;
  for (const line of body.split(/\r?\n/)) {
    const h2 = /^##\s+(.+?)\s*$/.exec(line)?.[1];
    if (h2 !== undefined) {
      const heading = headings.find((candidate) => candidate.depth === 2 && candidate.text === h2);
      layer = heading ? { title: heading.text, slug: heading.slug } : undefined;
      inCodes = false;
      continue;
    }
    const h3 = /^###\s+(.+?)\s*$/.exec(line)?.[1];
    if (h3 !== undefined) {
      inCodes = h3.toLowerCase() === 'codes it produces';
      continue;
    }
    if (!layer || !inCodes) continue;
    for (const match of line.matchAll(/\]\(\/(5\d\d)\/\)/g)) {
      const code = Number(match[1]);
      const layers = byCode.get(code) ?? [];
      if (!layers.some((known) => known.slug === layer?.slug)) layers.push(layer);
      byCode.set(code, layers);
    }
  }
  return byCode;
}
