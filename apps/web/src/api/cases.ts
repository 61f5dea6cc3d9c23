import { api, unwrap } from './client';
import type { Language } from '../i18n/languages';
import type { ApplicationDetail, CaseKind } from './contract';

/**
 * GET /applications/{id}. The OpenAPI document declares the scalar fields of the view and leaves history and actions
 * as untyped objects; the full shape is the server's ApplicationView (mirrored in contract.ts). The declared fields
 * are checked against it here, so a rename on the server still breaks the build.
 */
export async function fetchApplication(id: string): Promise<ApplicationDetail> {
  const dto = await unwrap(api.GET('/applications/{id}', { params: { path: { id } } }));
  const declared: Pick<ApplicationDetail, 'id' | 'reference' | 'kind' | 'state' | 'stage' | 'version'> = dto;
  return declared as ApplicationDetail;
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
