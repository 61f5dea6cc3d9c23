import { randomInt, randomUUID } from 'node:crypto';
import { generateReference, hashAccessCode, type CaseEventType, type CaseKind } from '@masar/cases';
import type { Language } from '@masar/letters';
import type { TestApp } from '@masar/testing';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An access code as the cases context prints it: 10 Crockford symbols, 5-5. */
export function anAccessCode(): string {
  const s = Array.from({ length: 10 }, () => CROCKFORD[randomInt(32)]).join('');
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export interface FileSpec {
  language?: Language;
  kind?: CaseKind;
  state?: string;
  events?: { type: CaseEventType; params: Record<string, unknown> }[];
  interview?: { at: string; place: string; interpreterLanguage: string | null };
  personName?: string;
}

export interface SeededFile {
  applicationId: string;
  applicantId: string;
  reference: string;
  accessCode: string;
}

/**
 * A file as the cases context leaves it, written straight into its tables: the status context reads those tables,
 * and building each state through the workflow's transitions would test the cases context, not this one.
 */
export async function aFile(t: TestApp, spec: FileSpec = {}): Promise<SeededFile> {
  const kind = spec.kind ?? 'regularisation';
  const accessCode = anAccessCode();
  const reference = generateReference();
  const createdBy = randomUUID();
  const [applicant]: { id: string }[] = await t.dataSource.query(
    `insert into applicants (latin_name, preferred_language, created_by) values ($1, $2, $3) returning id`,
    [spec.personName ?? 'Aminata Diallo', spec.language ?? 'fr', createdBy],
  );
  const [application]: { id: string }[] = await t.dataSource.query(
    `insert into applications (reference, access_code_hash, kind, category, criteria_version, applicant_id, office_id, state, interview, created_by, submitted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, now()) returning id`,
    [
      reference,
      hashAccessCode(accessCode, t.config.crypto.accessCodeKey),
      kind,
      kind === 'regularisation' ? 'residence_five_years' : null,
      kind === 'regularisation' ? 'MA-2014' : null,
      applicant!.id,
      t.staff.offices.RAB,
      spec.state ?? 'submitted',
      spec.interview ? JSON.stringify(spec.interview) : null,
      createdBy,
    ],
  );
  for (const [i, e] of (spec.events ?? []).entries()) {
    await t.dataSource.query(`insert into case_events (application_id, type, params, occurrence_key) values ($1, $2, $3::jsonb, $4)`, [
      application!.id,
      e.type,
      JSON.stringify({ reference, ...e.params }),
      `seed-${i}`,
    ]);
  }
  return { applicationId: application!.id, applicantId: applicant!.id, reference, accessCode };
}

/**
 * A fresh client address, so that one test's failures do not count against another's (nor, on a Redis store that
 * outlives the test run, against the next run's).
 */
export function anAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
}
