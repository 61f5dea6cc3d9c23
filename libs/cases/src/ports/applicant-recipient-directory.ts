import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecipientContact, RecipientDirectory } from '@masar/notifications';
import { CasesCrypto } from '../crypto/cases-crypto';

/**
 * How notifications reach an applicant: contacts decrypted at the moment of sending, never copied out. A merged
 * person is reached through the record they were merged into.
 */
@Injectable()
export class ApplicantRecipientDirectory implements RecipientDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly crypto: CasesCrypto,
  ) {}

  async contactOf(applicantId: string): Promise<RecipientContact | null> {
    const [row]: { preferred_language: string; phone_enc: string | null; email_enc: string | null; user_id: string | null }[] = await this.dataSource.query(
      `select coalesce(s.preferred_language, p.preferred_language) as preferred_language,
              coalesce(s.phone_enc, p.phone_enc) as phone_enc, coalesce(s.email_enc, p.email_enc) as email_enc, coalesce(s.user_id, p.user_id) as user_id
         from applicants p left join applicants s on s.id = p.merged_into_id where p.id = $1`,
      [applicantId],
    );
    if (!row) return null;
    // Each value is decrypted under the name of the column it was written to, whichever record it came from.
    return {
      language: row.preferred_language,
      phone: this.crypto.cipher.decryptNullable(row.phone_enc, 'applicants.phone'),
      email: this.crypto.cipher.decryptNullable(row.email_enc, 'applicants.email'),
      userId: row.user_id,
    };
  }
}
