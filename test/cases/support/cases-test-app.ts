import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from '@masar/testing';
import { DocumentsModule, requiredDocuments } from '@masar/documents';
import { CasesModule } from '@masar/cases';

export const CW_RABAT = 'caseworker.rabat@masar.example';
export const CW2_RABAT = 'caseworker2.rabat@masar.example';
export const SUP_RABAT = 'supervisor.rabat@masar.example';
export const CW_CASA = 'caseworker.casablanca@masar.example';
export const CW_COMMISSION = 'caseworker.commission@masar.example';
export const SUP_COMMISSION = 'supervisor.commission@masar.example';
export const ADMIN = 'admin@masar.example';

export const REASON = 'Five years of continuous residence are not shown by any document of the file.';

export interface CasesTestApp extends TestApp {
  post(who: string, url: string, payload?: unknown): Promise<{ statusCode: number; json: () => any; body: string }>;
  get(who: string, url: string, headers?: Record<string, string>): Promise<{ statusCode: number; json: () => any; body: string; headers: Record<string, unknown> }>;
  /** Registers a new person (confirming past any candidate) and returns their id. */
  person(overrides?: Record<string, unknown>): Promise<string>;
  /** Opens a file at Rabat and returns its id, reference and access code. */
  open(body: Record<string, unknown>, who?: string): Promise<{ id: string; reference: string; accessCode: string; version: number }>;
  /** Takes an action at the file's current version; returns the response. */
  act(who: string, id: string, action: string, extra?: { reason?: string; data?: Record<string, unknown>; expectedVersion?: number }): Promise<{ statusCode: number; json: () => any; body: string }>;
  version(id: string): Promise<number>;
  /**
   * The documents context's verdict, as its checks would leave it: every required document of the file present and
   * verified. Written into the documents context's table directly because uploading and scanning real files is
   * that context's own test subject, not this one's.
   */
  documentsVerified(id: string): Promise<void>;
}

export async function createCasesTestApp(env: Record<string, string> = {}): Promise<CasesTestApp> {
  // A small pool: test files run in parallel against one PostgreSQL server, with other suites besides.
  const t = await createTestApp({ extraModules: [CasesModule, DocumentsModule], env: { DATABASE_POOL_SIZE: '8', ...env } });
  const inject = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload: payload as never, headers: { ...(await t.as(who)), ...headers } });
  const app: CasesTestApp = {
    ...t,
    post: (who, url, payload) => inject(who, 'POST', url, payload ?? {}),
    get: (who, url, headers) => inject(who, 'GET', url, undefined, headers) as never,
    async person(overrides = {}) {
      const res = await inject(CW_RABAT, 'POST', '/applicants', {
        latinName: `Test Person ${randomBytes(3).toString('hex')}`,
        birthDate: { year: 1990, month: 5, day: 17 },
        sex: 'male',
        nationality: 'SN',
        phone: '+212612345678',
        email: 'person@example.org',
        preferredLanguage: 'fr',
        confirmNew: true,
        ...overrides,
      });
      if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
      return res.json().applicantId;
    },
    async open(body, who = CW_RABAT) {
      const res = await inject(who, 'POST', '/applications', body);
      if (res.statusCode !== 201) throw new Error(`open: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async version(id) {
      const [row] = await t.dataSource.query(`select version from applications where id = $1`, [id]);
      return row.version;
    },
    async act(who, id, action, extra = {}) {
      const expectedVersion = extra.expectedVersion ?? (await app.version(id));
      return inject(who, 'POST', `/applications/${id}/transitions`, { action, reason: extra.reason, data: extra.data, expectedVersion });
    },
    async documentsVerified(id) {
      const [a] = await t.dataSource.query(`select kind, category, applicant_id from applications where id = $1`, [id]);
      for (const r of requiredDocuments(a.kind, a.category).filter((d) => d.required)) {
        await t.dataSource.query(
          `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, status, uploaded_by, uploaded_by_role)
           values ($1, $2, $3, 'application/pdf', $4, 1000, 'verified', $5, 'caseworker')`,
          [id, a.applicant_id, r.kind, randomBytes(32).toString('hex'), t.staff.users[CW_RABAT]],
        );
      }
    },
  };
  return app;
}

/** Asserts a response status and shows the body when it is not the one expected. */
export function expectStatus(res: { statusCode: number; body: string }, status: number): void {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}
