import { randomBytes } from 'node:crypto';
import { FailBatch, ImportBatch, IntakeProcessor, SweepStalledBatches } from '@masar/intake';
import type { TestApp } from '@masar/testing';

export const HEADER = 'latin_name,arabic_name,sex,birth_date,nationality,document_type,document_number,phone,email,preferred_language,category';

export interface CsvPerson {
  latin: string;
  arabic: string;
  sex: string;
  birth: string;
  nat: string;
  docType: string;
  doc: string;
  phone: string;
  email: string;
  lang: string;
  category: string;
}

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function csvLine(p: CsvPerson): string {
  return [p.latin, p.arabic, p.sex, p.birth, p.nat, p.docType, p.doc, p.phone, p.email, p.lang, p.category].map(q).join(',');
}

const GIVEN = ['Mamadou', 'Aminata', 'Ousmane', 'Fatou', 'Emmanuel', 'Grace', 'Ibrahima', 'Khadija', 'Jean', 'Marie', 'Seydou', 'Awa', 'Chinedu', 'Blessing', 'Yao', 'Adjoa'];
const SYLLABLES = ['ka', 'ro', 'mbe', 'tu', 'zi', 'lo', 'fa', 'nde', 'gu', 'sa', 'we', 'bi', 'do', 'ry', 'chu', 'po'];
const NATS = ['SN', 'CI', 'GN', 'ML', 'CM', 'CD', 'NG', 'SY', 'GM', 'BF', 'GH', 'TD', 'NE', 'BJ', 'TG', 'LR'];
const CATS = ['residence_five_years', 'work_contract', 'spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'serious_illness'];

/** A person unlikely to look like any other: a random family name, a random document number. */
export function person(i: number, over: Partial<CsvPerson> = {}): CsvPerson {
  const r = randomBytes(11);
  const word = (from: number, n: number) => {
    const w = Array.from({ length: n }, (_, k) => SYLLABLES[r[from + k]! % SYLLABLES.length]).join('');
    return `${w[0]!.toUpperCase()}${w.slice(1)}`;
  };
  return {
    latin: `${i % 3 === 0 ? GIVEN[i % GIVEN.length] : word(6, 2)} ${word(8, 3)}`,
    arabic: '',
    sex: i % 2 ? 'male' : 'female',
    birth: `${1960 + (r[3]! % 45)}-${String(1 + (r[4]! % 12)).padStart(2, '0')}-${String(1 + (r[5]! % 28)).padStart(2, '0')}`,
    nat: NATS[(i * 7 + r[0]!) % NATS.length]!,
    docType: 'passport',
    doc: `P${randomBytes(5).toString('hex').toUpperCase()}`,
    phone: `+2126${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`,
    email: `person${i}.${randomBytes(3).toString('hex')}@example.org`,
    lang: ['fr', 'ar', 'en', 'es'][i % 4]!,
    category: CATS[i % CATS.length]!,
    ...over,
  };
}

export function csv(people: CsvPerson[], extraLines: string[] = []): Buffer {
  return Buffer.from([HEADER, ...people.map(csvLine), ...extraLines].join('\n') + '\n');
}

export async function multipart(bytes: Buffer, fileName = 'campaign.csv'): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), fileName);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

/** An 'intake.import' job as bullmq hands it to the processor. */
export function importJob(batchId: string, attemptsMade = 0, attempts = 8) {
  return { name: 'intake.import', id: batchId, data: { batchId }, attemptsMade, opts: { attempts } };
}

/** The worker's 'intake' processor, run in process on the test app's providers (or on the import given). */
export function intakeProcessor(t: TestApp, importer: ImportBatch = t.app.get(ImportBatch)): IntakeProcessor {
  return new IntakeProcessor(importer, t.app.get(FailBatch), t.app.get(SweepStalledBatches));
}

/** Uploads a CSV as `who` and answers the new batch's id (202 expected). */
export async function uploadBatch(t: TestApp, bytes: Buffer, who: string): Promise<string> {
  const { payload, headers } = await multipart(bytes);
  const res = await t.app.inject({ method: 'POST', url: '/intake/batches', headers: { ...headers, ...(await t.as(who)) }, payload });
  if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}
