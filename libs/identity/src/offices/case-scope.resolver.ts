import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CaseScope } from '@masar/access';

const REGION_CACHE_MS = 60_000;

/**
 * Turns an actor into the case files they may see. Every query on cases filters by this scope, so that least
 * privilege is applied in one place: a caseworker sees their office; a supervisor the offices of their region;
 * the national commission's staff the files appealed to it; an admin and an applicant no case file by scope.
 */
@Injectable()
export class CaseScopeResolver {
  private regions = new Map<string, { officeIds: string[]; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async scopeFor(actor: Actor): Promise<CaseScope> {
    switch (actor.role) {
      case 'system':
        return { kind: 'all' };
      case 'caseworker':
        if (!actor.officeId) return { kind: 'none' };
        return actor.nationalCommission ? { kind: 'appeals', officeId: actor.officeId } : { kind: 'offices', officeIds: [actor.officeId] };
      case 'supervisor':
        if (!actor.officeId) return { kind: 'none' };
        if (actor.nationalCommission) return { kind: 'appeals', officeId: actor.officeId };
        return { kind: 'offices', officeIds: await this.officesOfRegion(actor.regionCode, actor.officeId) };
      default:
        return { kind: 'none' };
    }
  }

  private async officesOfRegion(regionCode: string | null, ownOffice: string): Promise<string[]> {
    if (!regionCode) return [ownOffice];
    const cached = this.regions.get(regionCode);
    if (cached && Date.now() - cached.at < REGION_CACHE_MS) return cached.officeIds;
    const rows: { id: string }[] = await this.dataSource.query(
      `select id from offices where region_code = $1 and kind <> 'national_commission' order by code`,
      [regionCode],
    );
    const officeIds = rows.map((r) => r.id);
    if (!officeIds.includes(ownOffice)) officeIds.push(ownOffice);
    this.regions.set(regionCode, { officeIds, at: Date.now() });
    return officeIds;
  }
}
