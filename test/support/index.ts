/** Test support: a database of its own per test file (cloned from the migrated template) and a booted API. */
export * from './test-database';
export * from './test-app';
export { withDatabase, withAdmin } from './postgres';
