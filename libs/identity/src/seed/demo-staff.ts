import { hash } from '@node-rs/argon2';
import type { EntityManager } from 'typeorm';

/** A dozen Moroccan prefectures and provinces (with their region) and the national appeal commission. */
export const DEMO_OFFICES = [
  { code: 'RAB', name: 'Préfecture de Rabat', regionCode: 'RSK', kind: 'prefecture' },
  { code: 'SAL', name: 'Préfecture de Salé', regionCode: 'RSK', kind: 'prefecture' },
  { code: 'KEN', name: 'Province de Kénitra', regionCode: 'RSK', kind: 'province' },
  { code: 'CAS', name: 'Préfecture de Casablanca', regionCode: 'CS', kind: 'prefecture' },
  { code: 'MOH', name: 'Préfecture de Mohammedia', regionCode: 'CS', kind: 'prefecture' },
  { code: 'MAR', name: 'Préfecture de Marrakech', regionCode: 'MS', kind: 'prefecture' },
  { code: 'FES', name: 'Préfecture de Fès', regionCode: 'FM', kind: 'prefecture' },
  { code: 'MEK', name: 'Préfecture de Meknès', regionCode: 'FM', kind: 'prefecture' },
  { code: 'TNG', name: "Préfecture de Tanger-Assilah", regionCode: 'TTA', kind: 'prefecture' },
  { code: 'TET', name: 'Province de Tétouan', regionCode: 'TTA', kind: 'province' },
  { code: 'OUJ', name: "Préfecture d'Oujda-Angad", regionCode: 'OR', kind: 'prefecture' },
  { code: 'NAD', name: 'Province de Nador', regionCode: 'OR', kind: 'province' },
  { code: 'AGA', name: "Préfecture d'Agadir Ida-Outanane", regionCode: 'SM', kind: 'prefecture' },
  { code: 'LAA', name: 'Province de Laâyoune', regionCode: 'LSH', kind: 'province' },
  { code: 'CNR', name: 'Commission nationale de recours', regionCode: 'NAT', kind: 'national_commission' },
] as const;

export const DEMO_PASSWORD = 'masar-demo-2026';

/** Demo sign-ins: two caseworkers and a supervisor in Rabat (four eyes need two people), others elsewhere. */
export const DEMO_USERS = [
  { email: 'admin@masar.example', displayName: 'Amina Admin', role: 'admin', office: 'RAB' },
  { email: 'caseworker.rabat@masar.example', displayName: 'Youssef Caseworker (Rabat)', role: 'caseworker', office: 'RAB' },
  { email: 'caseworker2.rabat@masar.example', displayName: 'Salma Caseworker (Rabat)', role: 'caseworker', office: 'RAB' },
  { email: 'supervisor.rabat@masar.example', displayName: 'Karim Supervisor (Rabat)', role: 'supervisor', office: 'RAB' },
  { email: 'caseworker.casablanca@masar.example', displayName: 'Nadia Caseworker (Casablanca)', role: 'caseworker', office: 'CAS' },
  { email: 'supervisor.casablanca@masar.example', displayName: 'Omar Supervisor (Casablanca)', role: 'supervisor', office: 'CAS' },
  { email: 'caseworker.commission@masar.example', displayName: 'Hicham Commission officer', role: 'caseworker', office: 'CNR' },
  { email: 'supervisor.commission@masar.example', displayName: 'Leila Commission president', role: 'supervisor', office: 'CNR' },
  { email: 'applicant@masar.example', displayName: 'Demo Applicant', role: 'applicant', office: null },
] as const;

export interface SeededStaff {
  offices: Record<string, string>;
  users: Record<string, string>;
}

/** Idempotent: offices and users are upserted by code and e-mail. */
export async function seedDemoStaff(m: EntityManager, password = DEMO_PASSWORD): Promise<SeededStaff> {
  const offices: Record<string, string> = {};
  for (const o of DEMO_OFFICES) {
    const [row] = await m.query(
      `insert into offices (code, name, region_code, kind) values ($1, $2, $3, $4)
       on conflict (code) do update set name = excluded.name returning id`,
      [o.code, o.name, o.regionCode, o.kind],
    );
    offices[o.code] = row.id;
  }
  // Low cost is fine here: these are demo accounts with a published password.
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const users: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const [row] = await m.query(
      `insert into users (email, display_name, role, office_id, password_hash) values ($1, $2, $3, $4, $5)
       on conflict (email) do update set display_name = excluded.display_name returning id`,
      [u.email, u.displayName, u.role, u.office ? offices[u.office] : null, passwordHash],
    );
    users[u.email] = row.id;
  }
  return { offices, users };
}
