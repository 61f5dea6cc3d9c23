import { getJson, postJson } from '../../../bench/lib/loop';

export async function login(port: number, email: string): Promise<Record<string, string>> {
  const res = await postJson(`http://127.0.0.1:${port}/auth/login`, { email, password: 'masar-demo-2026' });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
  return { authorization: `Bearer ${(res.json as { accessToken: string }).accessToken}` };
}

export interface Submission {
  ok: boolean;
  id?: string;
  statuses: number[];
}

/** A caseworker opens a regularisation file for a registered person and submits it (receipt and e-mail follow). */
export async function submitFile(port: number, auth: Record<string, string>, applicantId: string): Promise<Submission> {
  const opened = await postJson(
    `http://127.0.0.1:${port}/applications`,
    { kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2016' },
    auth,
  );
  if (opened.status !== 201 && opened.status !== 200) return { ok: false, statuses: [opened.status] };
  const { id, version } = opened.json as { id: string; version: number };
  const submitted = await postJson(`http://127.0.0.1:${port}/applications/${id}/transitions`, { action: 'submit', expectedVersion: version }, auth);
  return { ok: submitted.status === 200, id, statuses: [opened.status, submitted.status] };
}

export { getJson, postJson };
