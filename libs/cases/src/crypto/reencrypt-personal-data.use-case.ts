import { Inject, Injectable, Logger } from '@nestjs/common';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { Transactions } from '@masar/database';
import { CasesCrypto } from './cases-crypto';

/** Every encrypted column of this context, with the name its cipher texts are bound to (associated data). */
const ENCRYPTED: { table: string; columns: { column: string; field: string }[] }[] = [
  {
    table: 'applicants',
    columns: [
      { column: 'birth_date_enc', field: 'applicants.birth_date' },
      { column: 'phone_enc', field: 'applicants.phone' },
      { column: 'email_enc', field: 'applicants.email' },
      { column: 'address_enc', field: 'applicants.address' },
    ],
  },
  { table: 'applicant_identity_documents', columns: [{ column: 'number_enc', field: 'applicant_identity_documents.number' }] },
  { table: 'applications', columns: [{ column: 'eligibility_facts_enc', field: 'applications.eligibility_facts' }] },
];

/**
 * After a new data key is made current, re-encrypts every value still under an older key, in small batches, each
 * in its own transaction, so that the old key can then be retired. Running it again finds nothing to do. The blind
 * index has its own key and is not touched.
 */
@Injectable()
export class ReencryptPersonalData {
  private readonly logger = new Logger(ReencryptPersonalData.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly crypto: CasesCrypto,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async run(batchSize = 500): Promise<{ rewritten: number }> {
    const current = this.config.crypto.currentKeyId;
    let rewritten = 0;
    for (const { table, columns } of ENCRYPTED) {
      const stale = columns.map((c) => `(${c.column} is not null and split_part(${c.column}, '.', 2) <> $1)`).join(' or ');
      for (;;) {
        const n = await this.transactions.run(async (m) => {
          const rows: Record<string, string | null>[] = await m.query(
            `select id, ${columns.map((c) => c.column).join(', ')} from ${table} where ${stale} limit $2 for update skip locked`,
            [current, batchSize],
          );
          for (const row of rows) {
            const values = columns.map((c) => {
              const v = row[c.column];
              return v ? this.crypto.cipher.encrypt(this.crypto.cipher.decrypt(v, c.field), c.field) : null;
            });
            await m.query(`update ${table} set ${columns.map((c, i) => `${c.column} = $${i + 2}`).join(', ')} where id = $1`, [row.id, ...values]);
          }
          return rows.length;
        });
        rewritten += n;
        if (n < batchSize) break;
      }
    }
    if (rewritten) this.logger.log({ rewritten, currentKeyId: current }, 'personal data re-encrypted under the current key');
    return { rewritten };
  }
}
