import type { RecipientContact, RecipientDirectory } from '@masar/notifications';

/** The cases context's side of the port, over a map: the tests decide who can be reached how. */
export class InMemoryRecipients implements RecipientDirectory {
  readonly contacts = new Map<string, RecipientContact>();
  lookups = 0;

  async contactOf(applicantId: string): Promise<RecipientContact | null> {
    this.lookups++;
    return this.contacts.get(applicantId) ?? null;
  }
}
