import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { DocumentChecklistPort } from '@masar/documents';
import type { DocumentsAnswer } from '../domain/workflow/case-snapshot';
import type { Application } from '../persistence/application.entity';

/**
 * The "documents present and verified" guard asks the documents context through its port, inside the transition's
 * transaction. The port is looked up in the whole application rather than imported, so that the cases module does
 * not pull the documents module's routes into every process; without a documents module the guard cannot pass.
 */
@Injectable()
export class DocumentsAnswerSource implements OnModuleInit {
  private port: DocumentChecklistPort | null = null;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    try {
      this.port = this.moduleRef.get(DocumentChecklistPort, { strict: false });
    } catch {
      this.port = null;
    }
  }

  async answerFor(manager: EntityManager, a: Application): Promise<DocumentsAnswer | undefined> {
    if (!this.port) return undefined;
    return this.port.answerFor({ applicationId: a.id, kind: a.kind, category: a.category }, manager);
  }
}
