import { describe, expect, it } from 'vitest';
import { layersByCode } from '../../src/lib/guide-layers';

const body = `
## The quick checks, in order

Look at [502](/502/) first.

## nginx (reverse proxy)

### Telltale signs

A [504](/504/) mentioned outside the codes list does not count.

### Codes it produces

[502](/502/) and [504](/504/), sometimes [503](/503/).

## Cloudflare

### Codes it produces

[520](/520/), [522](/522/) and [502](/502/).
`;

const headings = [
  { depth: 2, slug: 'the-quick-checks-in-order', text: 'The quick checks, in order' },
  { depth: 2, slug: 'nginx-reverse-proxy', text: 'nginx (reverse proxy)' },
  { depth: 3, slug: 'telltale-signs', text: 'Telltale signs' },
  { depth: 3, slug: 'codes-it-produces', text: 'Codes it produces' },
  { depth: 2, slug: 'cloudflare', text: 'Cloudflare' },
  { depth: 3, slug: 'codes-it-produces-1', text: 'Codes it produces' },
];

describe('layersByCode', () => {
  const layers = layersByCode(body, headings);
  it('maps each code to the layers whose "Codes it produces" list links it', () => {
    expect(layers.get(502)).toEqual([
      { title: 'nginx (reverse proxy)', slug: 'nginx-reverse-proxy' },
      { title: 'Cloudflare', slug: 'cloudflare' },
    ]);
    expect(layers.get(522)).toEqual([{ title: 'Cloudflare', slug: 'cloudflare' }]);
  });
  it('ignores links outside the codes lists', () => {
    expect(layers.get(504)).toEqual([{ title: 'nginx (reverse proxy)', slug: 'nginx-reverse-proxy' }]);
  });
  it('has no entry for codes no layer lists', () => {
    expect(layers.has(500)).toBe(false);
  });
});
