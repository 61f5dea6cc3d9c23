/** Talking to the real API over HTTP, as the browser does: for setting up what a test needs that is not its subject. */
export const DEMO_PASSWORD = 'masar-demo-2026';
export const USERS = {
  caseworker: 'caseworker.rabat@masar.example',
  caseworker2: 'caseworker2.rabat@masar.example',
  supervisor: 'supervisor.rabat@masar.example',
  admin: 'admin@masar.example',
} as const;

export class Api {
  private tokens = new Map<string, string>();
  constructor(readonly base: string) {}

  async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const res = await fetch(`${this.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(email, accessToken);
    return accessToken;
  }

  async call<T = unknown>(as: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(as)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async upload(as: string, applicationId: string, kind: string, file: { name: string; type: string; bytes: Buffer }, query: Record<string, string> = {}): Promise<{ id: string }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const q = new URLSearchParams({ kind, ...query });
    const res = await fetch(`${this.base}/applications/${applicationId}/documents?${q}`, { method: 'POST', headers: { authorization: `Bearer ${await this.token(as)}` }, body: form });
    if (!res.ok) throw new Error(`upload ${kind}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  }

  /** A person and a submitted regularisation file, as a caseworker at the counter would make them. */
  async submittedFile(person: Record<string, unknown>, category = 'work_contract'): Promise<{ id: string; reference: string; accessCode: string; applicantId: string }> {
    const reg = await this.call<{ applicantId?: string }>(USERS.caseworker, 'POST', '/applicants', { ...person, confirmNew: true });
    const opened = await this.call<{ id: string; reference: string; accessCode: string; version: number }>(USERS.caseworker, 'POST', '/applications', { kind: 'regularisation', applicantId: reg.applicantId, category });
    await this.call(USERS.caseworker, 'POST', `/applications/${opened.id}/transitions`, { action: 'submit', expectedVersion: opened.version });
    return { id: opened.id, reference: opened.reference, accessCode: opened.accessCode, applicantId: reg.applicantId! };
  }

  async file(as: string, id: string): Promise<{ state: string; version: number; actions: { action: string; blockedBy: string[] }[] }> {
    return this.call(as, 'GET', `/applications/${id}`);
  }
}
