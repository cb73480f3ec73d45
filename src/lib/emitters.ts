/** Who typically generates a 5xx response, from the application outwards to the network edge. */
export const EMITTERS = [
  'application',
  'origin-server',
  'webdav-server',
  'reverse-proxy',
  'api-gateway',
  'load-balancer',
  'cdn',
  'service-mesh',
  'intercepting-proxy',
  'client-library',
] as const;

/** One of the layers in {@link EMITTERS}. */
export type Emitter = (typeof EMITTERS)[number];

/** Human-readable label for each emitting layer, as shown on pages and in search filters. */
export const EMITTER_LABELS: Record<Emitter, string> = {
  application: 'Application code',
  'origin-server': 'Origin web server',
  'webdav-server': 'WebDAV server',
  'reverse-proxy': 'Reverse proxy',
  'api-gateway': 'API gateway',
  'load-balancer': 'Load balancer',
  cdn: 'CDN',
  'service-mesh': 'Service mesh',
  'intercepting-proxy': 'Intercepting proxy or captive portal',
  'client-library': 'Client library (never sent on the wire)',
};
