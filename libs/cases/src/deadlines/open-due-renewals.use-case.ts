import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { ApplicationFactory } from '../applications/application-factory';
import { addDays } from '../domain/deadlines/deadline-arithmetic';
import { CaseClocks } from './case-clocks';

/**
 * Opens the renewal file of every card coming to expiry (a regularisation or renewal card, a refugee's cards), ahead
 * of the first reminder. The renewal starts in "expiry upcoming", with its clock: reminders 60 and 30 days before,
 * lapse after the grace period. A card gets one renewal file: the unique index settles two sweeps racing.
 */
@Injectable()
export class OpenDueRenewals {
  private readonly logger = new Logger(OpenDueRenewals.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly factory: ApplicationFactory,
    private readonly clocks: CaseClocks,
    private readonly audit: AuditTrail,
  ) {}

  async run(now = new Date(), max = 1000): Promise<{ opened: number }> {
    const horizon = addDays(now, this.clocks.policy.renewalFileOpensDaysBefore).toISOString().slice(0, 10);
    let opened = 0;
    // A card whose renewal cannot be opened is skipped for this run (logged) rather than blocking every other card.
    const failed: string[] = [];
    while (opened < max) {
      let picked: string | null = null;
      let done: boolean;
      try {
        done = await this.transactions.run(async (m) => {
          const [card]: { id: string; applicant_id: string; office_id: string; card_expires_on: string }[] = await m.query(
            `select a.id, a.applicant_id, a.office_id, a.card_expires_on::text as card_expires_on from applications a
              where a.state in ('card_issued', 'protected') and a.card_expires_on <= $1::date and a.id <> all($2::uuid[])
                and not exists (select 1 from applications r where r.kind = 'renewal' and r.linked_application_id = a.id)
              order by a.card_expires_on, a.id limit 1 for update of a skip locked`,
            [horizon, failed],
          );
          if (!card) return false;
          picked = card.id;
          const renewal = await this.factory.create(
            m,
            {
              kind: 'renewal',
              applicantId: card.applicant_id,
              officeId: card.office_id,
              cardExpiresOn: card.card_expires_on,
              linkedApplicationId: card.id,
              createdBy: SYSTEM_ACTOR.userId,
              createdByRole: 'system',
              action: 'opened_before_card_expiry',
            },
            now,
          );
          await this.audit.record(m, {
            action: 'case.renewal_opened',
            actorId: null,
            actorRole: 'system',
            subjectType: 'application',
            subjectId: renewal.id,
            applicationId: renewal.id,
            details: { cardApplicationId: card.id, cardExpiresOn: card.card_expires_on },
          });
          return true;
        });
      } catch (err) {
        if (!picked) throw err;
        failed.push(picked);
        this.logger.error({ applicationId: picked, err: err instanceof Error ? err.message : String(err) }, 'renewal file could not be opened; retried next sweep');
        continue;
      }
      if (!done) break;
      opened++;
    }
    if (opened) this.logger.log({ opened }, 'renewal files opened');
    return { opened };
  }
}
