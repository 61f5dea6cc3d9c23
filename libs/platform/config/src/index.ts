/**
 * Platform: configuration. Every feature declares the variables it reads in one place (config.ts), validated at
 * boot with a message naming the variable. Production refuses to start without real secrets; development and tests
 * get generated secrets kept under .masar/ so that restarts do not invalidate tokens or encrypted data.
 */
export * from './config';
export * from './config.module';
