/**
 * Platform: logging. Structured JSON logs through pino, one request id per request (taken from a well-formed
 * X-Request-Id or generated), and personal data redacted by key wherever it appears.
 */
export * from './logging.module';
export * from './redaction';
export * from './request-context';
