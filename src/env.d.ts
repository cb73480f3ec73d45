declare module 'virtual:client-scripts' {
  /** URL of each on-demand browser module, by name (see src/integrations/client-scripts.ts). */
  const urls: Record<'search' | 'retryTool', string>;
  export default urls;
}
