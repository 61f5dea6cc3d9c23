import { api, unwrap } from './client';
import type { Language } from '../i18n/languages';
import type { ApplicationDetail, CaseKind } from './contract';

/** GET /applications/{id}: the file as staff see it, typed by the generated ApplicationViewDto. */
export async function fetchApplication(id: string): Promise<ApplicationDetail> {
  return unwrap(api.GET('/applications/{id}', { params: { path: { id } } }));
}

/**
 * The workflow of a kind as a Mermaid state diagram (text), drawn from the definition the engine runs, its states
 * labelled in the reader's language with the words the status page uses for their stage.
 */
export async function fetchWorkflowDiagram(kind: CaseKind, lang: Language): Promise<string> {
  const { data, response } = await api.GET('/workflows/{kind}', { params: { path: { kind }, query: { format: 'mermaid', lang } }, parseAs: 'text' });
  if (!response.ok || typeof data !== 'string') throw new Error(`GET /workflows/${kind} answered ${response.status}`);
  return data;
}
