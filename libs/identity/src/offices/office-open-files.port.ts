import type { EntityManager } from 'typeorm';

/**
 * How many files are still open (not final) at an office, as first office or as appeal office. The cases context
 * owns the files and binds this port (identity cannot import cases: cases depends on identity). Read inside the
 * caller's transaction, after it locked the office row.
 */
export abstract class OfficeOpenFiles {
  abstract count(manager: EntityManager, officeId: string): Promise<number>;
}
