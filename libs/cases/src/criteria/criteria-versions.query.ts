import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CRITERIA_VERSIONS, type CriteriaVersion } from '../domain/eligibility/criteria';

export interface CriteriaVersionView extends CriteriaVersion {
  /** When an administrator published it (its refused files re-assessed), or null: never published in Masar. */
  publishedAt: string | null;
  /** Files of the review worklist that publication made, resolved or not. */
  reviewItems: number;
}

/** The versions of the criteria, oldest first, each with whether and when it was published. */
@Injectable()
export class CriteriaVersions {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<CriteriaVersionView[]> {
    const rows: { criteria_version: string; published_at: Date; items: number }[] = await this.dataSource.query(
      `select p.criteria_version, p.published_at, (select count(*)::int from criteria_review_items i where i.publication_id = p.id) as items
         from criteria_publications p`,
    );
    const byVersion = new Map(rows.map((r) => [r.criteria_version, r]));
    return CRITERIA_VERSIONS.map((v) => {
      const p = byVersion.get(v.id);
      return { ...v, publishedAt: p ? new Date(p.published_at).toISOString() : null, reviewItems: p?.items ?? 0 };
    });
  }
}
