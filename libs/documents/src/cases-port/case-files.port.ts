import type { EntityManager } from 'typeorm';
import type { ApplicationKind, CategoryDateParams } from '../checklist/checklist-rules';

/** What the documents context needs to know about a file, and nothing more (no names, no personal data). */
export interface FileForDocuments {
  applicationId: string;
  /** The person the file is about (duplicates are judged per person, not per file). */
  personId: string;
  officeId: string;
  /** The applicant's own user account, when one is linked. */
  applicantUserId: string | null;
  kind: ApplicationKind;
  category: string | null;
  /** Submission day (or creation day of a draft), YYYY-MM-DD: category date rules count from it. */
  applicationDate: string;
  /** The file sits before the national appeal body (its staff may see it). */
  beforeAppealBody: boolean;
  /** The date thresholds of the criteria version the file is assessed under; 2014's when absent. */
  criteriaDates?: CategoryDateParams;
}

/**
 * The cases context as the documents context sees it. The documents context never reads the cases tables: an
 * adapter implements this port over what `@masar/cases` exports.
 */
export abstract class CaseFiles {
  abstract find(applicationId: string, manager?: EntityManager): Promise<FileForDocuments | null>;

  /**
   * Every required document is present and verified: move the file on as the system actor if its state waits for
   * that (awaiting documents), inside the caller's transaction. Returns whether it moved; a file in any other state
   * does not move, and running this twice moves it once.
   */
  abstract documentsComplete(manager: EntityManager, applicationId: string): Promise<{ moved: boolean; state?: string }>;
}
