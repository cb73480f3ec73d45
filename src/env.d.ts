declare module 'virtual:client-scripts' {
  /** URL of each on-demand browser module, by name (see src/integrations/client-scripts.ts). */
  const urls: Record<'search' | 'retryTool' | 'pasteBox' | 'burnRateCalculator' | 'matcherData' | 'messageDetails' | 'messageChecks', string>;
  export default urls;
}

declare module 'virtual:matcherData' {
  /** The error-message catalogue and the small code index (see src/integrations/matcher-data.ts). */
  const data: import('./lib/messages/matcher-data').MatcherData;
  export default data;
}

declare module 'virtual:messageDetails' {
  /** The prose shown with a recognised message (see src/integrations/matcher-data.ts). */
  const details: import('./lib/messages/matcher-data').MessageDetails;
  export default details;
}

declare module 'virtual:messageChecks' {
  /** Message ids and first checks, for the paste box (see src/integrations/matcher-data.ts). */
  const checks: import('./lib/messages/matcher-data').MessageChecks;
  export default checks;
}
