import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { CaseAccess } from '../access/case-access';

export interface ReviewWorklistItem {
  applicationId: string;
  reference: string;
  state: string;
  previousVersion: string;
  newVersion: string;
  suggestedCategory: string;
}

/** The files of the actor's offices that a newly published version of the criteria would now accept. */
@Injectable()
export class ReviewWorklist {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async execute(actor: Actor): Promise<ReviewWorklistItem[]> {
    const scope = await this.access.scopeFor(actor);
    const params: unknown[] = [];
    const cond = CaseAccess.condition(scope, actor, 'a', params);
    const rows: { application_id: string; reference: string; state: string; previous_version: string; criteria_version: string; suggested_category: string }[] =
      await this.dataSource.query(
        `select i.application_id, a.reference, a.state, i.previous_version, p.criteria_version, i.suggested_category
           from criteria_review_items i
           join criteria_publications p on p.id = i.publication_id
           join applications a on a.id = i.application_id
          where i.resolved_at is null and (${cond})
          order by p.published_at desc, a.reference
          limit 500`,
        params,
      );
    return rows.map((r) => ({
      applicationId: r.application_id,
      reference: r.reference,
      state: r.state,
      previousVersion: r.previous_version,
      newVersion: r.criteria_version,
      suggestedCategory: r.suggested_category,
    }));
  }
}
