/**
 * Identity and access: offices, the people who work there, applicants' accounts, sign-in (Passport local + JWT,
 * rotating refresh tokens) and the global guard that enforces every route's declared policy.
 * The access vocabulary (Actor, @Allow, @Public, @CurrentActor, CaseScope) lives in @masar/access and is
 * re-exported here for convenience.
 */
export * from '@masar/access';
