import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import type { AuditVerification } from './audit-verification';
import { verifyAuditChain } from './verify-audit-chain';

/** Walks the chain with the signing keys of this deployment and logs the outcome (a break is an incident). */
@Injectable()
export class VerifyAuditTrail {
  private readonly logger = new Logger('AuditVerification');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async execute(): Promise<AuditVerification> {
    const result = await verifyAuditChain(this.dataSource, { signingKeys: this.config.crypto.auditSigningKeys });
    if (result.ok) this.logger.log({ auditVerification: summary(result) }, 'audit chain intact');
    else this.logger.error({ auditVerification: summary(result) }, `audit chain broken at seq ${result.firstBreak?.seq}: ${result.firstBreak?.kind}`);
    return result;
  }
}

function summary(r: AuditVerification) {
  return { ok: r.ok, eventsChecked: r.eventsChecked, checkpointsChecked: r.checkpointsChecked, head: r.head, firstBreak: r.firstBreak, durationMs: r.durationMs };
}
