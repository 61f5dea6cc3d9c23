import type { Actor } from '@masar/access';

/** A file's public reference once read, and the file that bears it (null when none does). */
export interface ReferencedFile {
  /** The canonical form (`MA-7K3Q-9XWD`), whatever case, spaces or dashes were typed. */
  reference: string;
  fileId: string | null;
}

/**
 * Which events of the trail a reader may see, as a SQL condition on the `audit_events` alias `e` (its parameters
 * appended to `params`). The audit context knows no files nor offices: the cases context, which owns the files, their
 * references and the case scope, implements this port. Without an implementation, only an admin sees anything (fail
 * closed), and a reference finds no file.
 */
export abstract class AuditScope {
  abstract condition(actor: Actor, params: unknown[]): Promise<string>;

  /**
   * The file a reference names, as a supervisor typed it from a receipt; null when the input cannot be a reference
   * (a wrong check symbol included). Not scoped: the condition above hides another office's file's events, exactly as
   * it does for a search by the file's id, so an out-of-scope file and an unknown one both give an empty page.
   */
  abstract fileByReference(input: string): Promise<ReferencedFile | null>;

  /** The public reference of each of these files, by file id (files that no longer exist are left out). */
  abstract referencesOf(fileIds: string[]): Promise<Map<string, string>>;
}
