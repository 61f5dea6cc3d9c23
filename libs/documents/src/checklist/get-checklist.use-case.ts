import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { CommonErrors } from '@masar/errors';
import { CaseScopeResolver } from '@masar/identity';
import { mayRead } from '../access/document-access';
import { CaseFiles } from '../cases-port/case-files.port';
import type { Checklist } from './checklist';
import { DocumentChecklistPort } from './document-checklist.port';

/** The checklist of a file as its applicant or a caseworker sees it: per document, missing, pending, verified or rejected. */
@Injectable()
export class GetChecklist {
  constructor(
    private readonly files: CaseFiles,
    private readonly scopes: CaseScopeResolver,
    private readonly checklists: DocumentChecklistPort,
  ) {}

  async execute(actor: Actor, applicationId: string): Promise<Checklist> {
    const file = await this.files.find(applicationId);
    if (!file || !mayRead(actor, await this.scopes.scopeFor(actor), file)) throw CommonErrors.notFound('application');
    return this.checklists.checklistOf({ applicationId, kind: file.kind, category: file.category });
  }
}
