import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the duplicate search of a bulk import (RegisterCampaignBatch), which compares a chunk of 2,000 rows
 * with the persons of the same nationality and birth year:
 * - the (nationality, birth_year) block now also carries id, name keys and skeleton, so the name-key and trigram
 *   tests read the index only (an index-only scan) instead of one heap page per person of the block; it replaces
 *   the plain (nationality, birth_year) index, of which it is a superset;
 * - the Double Metaphone code of the Latin name is indexed with the block, so "sounds the same" is an index
 *   equi-join instead of dmetaphone() computed for every person of the block.
 */
export class DuplicateBlockingIndexes1796000100015 implements MigrationInterface {
  name = 'DuplicateBlockingIndexes1796000100015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index applicants_block_idx on applicants (nationality, birth_year) include (id, name_keys, name_skeleton) where merged_into_id is null`,
    );
    await q.query(`drop index applicants_birth_nationality_idx`);
    await q.query(
      `create index applicants_block_phonetic_idx on applicants (nationality, birth_year, dmetaphone(latin_name)) where merged_into_id is null and latin_name is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index applicants_block_phonetic_idx`);
    await q.query(`create index applicants_birth_nationality_idx on applicants (nationality, birth_year) where merged_into_id is null`);
    await q.query(`drop index applicants_block_idx`);
  }
}
