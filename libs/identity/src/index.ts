/**
 * Identity and access: offices, the people who work there, applicants' accounts, sign-in (Passport local + JWT,
 * rotating refresh tokens) and the global guard that enforces every route's declared policy.
 * The access vocabulary (Actor, @Allow, @Public, @CurrentActor, CaseScope) lives in @masar/access and is
 * re-exported here for convenience.
 */
export * from '@masar/access';
export { IdentityModule } from './identity.module';
export { CaseScopeResolver } from './offices/case-scope.resolver';
export { Passwords } from './auth/passwords';
export { IdentityErrors } from './identity.errors';
export { IdentityMigrations } from './migrations';
export type { OfficeKind } from './offices/office.entity';
/** Port bound by the cases context: how many open files an office has (an office with some cannot be deactivated). */
export { OfficeOpenFiles } from './offices/office-open-files.port';
export { seedDemoStaff, DEMO_OFFICES, DEMO_USERS, DEMO_PASSWORD, type SeededStaff } from './seed/demo-staff';
