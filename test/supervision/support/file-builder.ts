import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const DAY = 86_400_000;

export interface KnownFile {
  office: string;
  state: string;
  kind?: 'regularisation' | 'asylum' | 'renewal';
  category?: string;
  nationality?: string;
  final?: boolean;
  submittedAt?: Date;
  /** Open files only: the running clock's end. */
  dueAt?: Date;
  /** The history: [action, to_state, at], in order; version 1 first. */
  history?: [string, string, Date][];
  decision?: { outcome: 'favourable' | 'unfavourable'; deciders: string[]; at: Date };
  applicantId?: string;
}

/**
 * A factory of files written straight into the cases tables, so that a report's figures can be checked against a
 * data set whose every count and duration is known (going through HTTP would take six requests per file and
 * still leave the clock out of the test's hands).
 */
export class FileBuilder {
  constructor(
    private readonly ds: DataSource,
    private readonly offices: Record<string, string>,
    private readonly createdBy: string,
  ) {}

  async person(nationality = 'SN'): Promise<string> {
    const [p] = await this.ds.query(
      `insert into applicants (latin_name, name_keys, name_skeleton, nationality, created_by) values ($1, '{}', '', $2, $3) returning id`,
      [`Known Person ${randomBytes(3).toString('hex')}`, nationality, this.createdBy],
    );
    return p.id;
  }

  async file(f: KnownFile): Promise<string> {
    const kind = f.kind ?? 'regularisation';
    const applicantId = f.applicantId ?? (await this.person(f.nationality));
    const [a] = await this.ds.query(
      `insert into applications (reference, access_code_hash, kind, category, criteria_version, applicant_id, office_id, nationality, state, final,
                                 due_at, first_decision, submitted_at, decided_at, created_by, version, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
      [
        `MA-${randomBytes(4).toString('hex').toUpperCase()}`,
        randomBytes(32).toString('hex'),
        kind,
        kind === 'regularisation' ? (f.category ?? 'residence_five_years') : null,
        kind === 'regularisation' ? 'MA-2014' : null,
        applicantId,
        this.offices[f.office],
        f.nationality ?? 'SN',
        f.state,
        f.final ?? false,
        f.dueAt ?? 'infinity',
        f.decision ? JSON.stringify({ outcome: f.decision.outcome, deciders: f.decision.deciders, at: f.decision.at.toISOString(), reason: 'Reasons written by the officer for this decision.' }) : null,
        f.submittedAt ?? null,
        f.decision?.at ?? null,
        this.createdBy,
        Math.max(1, f.history?.length ?? 1),
        f.submittedAt ?? new Date(),
      ],
    );
    let version = 0;
    let from: string | null = null;
    for (const [action, to, at] of f.history ?? []) {
      version++;
      await this.ds.query(
        `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, at)
         values ($1, $2, $3, $4, $5, $6, 'caseworker', $7, $8)`,
        [a.id, version, action, from, to, f.decision?.deciders.at(-1) ?? this.createdBy, action.startsWith('confirm') ? 'Reasons written by the officer for this decision.' : null, at],
      );
      from = to;
    }
    return a.id;
  }
}

export const days = (n: number, from: Date) => new Date(from.getTime() + n * DAY);
