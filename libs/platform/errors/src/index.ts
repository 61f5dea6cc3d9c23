/**
 * Platform: errors. A context declares its errors as `DomainError`s with a stable code; one filter turns every
 * error into application/problem+json. Unexpected errors answer 500 with an error id that is also logged.
 */
export * from './domain-error';
export * from './problem.filter';
export * from './validation';
