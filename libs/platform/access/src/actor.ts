/** The roles of Masar. Staff have one role and an office; applicants are users too. */
export const ROLES = ['applicant', 'caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'admin'];

/**
 * Who acts: the authenticated user as every use case sees it. `system` is the worker acting on its own (a clock
 * ending, a checklist completing), recorded as such in histories.
 */
export interface Actor {
  userId: string;
  role: Role | 'system';
  /** The office the user belongs to (staff); null for applicants and the system. */
  officeId: string | null;
  /** The office's region code, used for supervisors who oversee a region. */
  regionCode: string | null;
  /** True for the staff of the national appeal commission office. */
  nationalCommission: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'system',
  officeId: null,
  regionCode: null,
  nationalCommission: false,
};
