import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { accessCodeMatches } from '@masar/cases';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { CommonErrors, DomainError } from '@masar/errors';
import { receiptInput } from '../issue/issue-receipt.use-case';
import { LetterSources } from '../issue/letter-sources.query';
import { renderReceipt } from '../receipt/render-receipt';

export const CounterReceiptErrors = {
  accessCodeMismatch: () =>
    new DomainError('LETTERS_ACCESS_CODE_MISMATCH', 422, 'Access code does not match', 'The access code typed is not the one of this file: check the screen it was shown on.'),
};

/**
 * The code as the cases context shows it (5-5, Crockford upper case), whatever was typed: the look-alikes Crockford
 * accepts (o for 0, i and l for 1) and stray spaces or dashes would otherwise be printed as typed.
 */
export function printedAccessCode(typed: string): string {
  const c = typed.toUpperCase().replace(/[\s\-_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
}

/**
 * The applicant's own copy of the receipt, printed at the counter when the file is opened: the only letter that
 * carries the access code. Masar keeps only the code's keyed hash, so the caseworker types the code shown once on
 * the screen; it is checked against the hash before printing, so that a mistyped code is never handed over. The
 * PDF is streamed back and not stored; each print (and each refused attempt) is audited.
 */
@Injectable()
export class PrintCounterReceipt {
  constructor(
    private readonly sources: LetterSources,
    private readonly audit: AuditTrail,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async execute(actor: Actor, applicationId: string, accessCode: string): Promise<{ reference: string; pdf: Buffer }> {
    const source = await this.sources.receipt(applicationId);
    // Files of another office do not exist for this caseworker (404, not 403: no hint that the id is real).
    if (!source || actor.officeId !== source.officeId) throw CommonErrors.notFound('application');
    const matches = accessCodeMatches(accessCode, source.accessCodeHash, this.config.crypto.accessCodeKey);
    await this.audit.recordNow({
      action: matches ? 'letter.counter_receipt_printed' : 'letter.counter_receipt_refused',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
    });
    if (!matches) throw CounterReceiptErrors.accessCodeMismatch();
    const pdf = await renderReceipt(receiptInput(source, printedAccessCode(accessCode), this.config.http.publicBaseUrl));
    return { reference: source.reference, pdf };
  }
}
