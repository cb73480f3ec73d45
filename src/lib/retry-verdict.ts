/** The three answers to "should a client retry this response automatically?". */
export const RETRY_VERDICTS = ['yes', 'conditional', 'no'] as const;

/** One of {@link RETRY_VERDICTS}. */
export type RetryVerdict = (typeof RETRY_VERDICTS)[number];

/** Short label for a verdict, used in the table, badges and search filters. */
export const RETRY_VERDICT_LABELS: Record<RetryVerdict, string> = {
  yes: 'Retry with backoff',
  conditional: 'Retry only if safe',
  no: 'Do not retry',
};
