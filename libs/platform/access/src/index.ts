/**
 * Platform: access vocabulary. Who acts (`Actor`), the route policies (`@Allow`, `@Public`) and the case scope a
 * use case filters by. Identity enforces them (authentication, the global guard); every context declares them.
 * Kept apart from identity so that any context can declare a policy without depending on the users context.
 */
export * from './actor';
export * from './policy.decorators';
export * from './case-scope';
