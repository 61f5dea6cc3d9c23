/** An error the API answered, as application/problem+json (type, title, status, detail, code, errors). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; messages: string[] }[];
  [extra: string]: unknown;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly body: ProblemBody;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ProblemBody, retryAfter: string | null = null) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body.code;
    this.body = body;
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    this.retryAfterSeconds = Number.isFinite(seconds) ? seconds : null;
  }

  /** The messages for one field of a 400 validation problem. */
  fieldMessages(field: string): string[] {
    return this.body.errors?.find((e) => e.field === field)?.messages ?? [];
  }
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as ProblemBody) : {};
  } catch {
    body = { title: response.statusText };
  }
  return new ApiProblem(response.status, body, response.headers.get('retry-after'));
}

export function isProblem(e: unknown, status?: number): e is ApiProblem {
  return e instanceof ApiProblem && (status === undefined || e.status === status);
}
