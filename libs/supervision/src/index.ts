/**
 * Supervision: what lets supervisors trust and inspect the work, and what Masar owes the people in its files.
 * This context owns the statistics (materialised summaries refreshed by the worker, JSON and CSV, publication mode
 * with small-count suppression), the weekly quality sample of decisions and its findings, legal holds, the
 * retention sweep that erases the personal data of files closed long enough, and the rights of access (an
 * applicant's export of everything held about them) and correction. It reads the cases context's tables for
 * figures and writes them only to erase or correct personal data; other contexts use only what is exported here.
 */
export { SupervisionMigrations } from './migrations';
