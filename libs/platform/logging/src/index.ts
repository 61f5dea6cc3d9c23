/**
 * Platform: logging. Structured JSON logs through pino, one request id per request (taken from a well-formed
 * X-Request-Id or generated) on every line written for it, one access line per request, and personal data
 * censored by key wherever it appears. Lines are written by a buffered asynchronous destination, flushed when the
 * application shuts down and when the process exits (see log-destination.ts for what an unclean crash can lose).
 */
export * from './log-destination';
export * from './logging.module';
export * from './redaction';
export * from './request-context';
export * from './request-log';
