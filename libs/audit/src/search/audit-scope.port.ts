import type { Actor } from '@masar/access';

/**
 * Which events of the trail a reader may see, as a SQL condition on the `audit_events` alias `e` (its parameters
 * appended to `params`). The audit context knows no files nor offices: the cases context, which owns the files and
 * the case scope, implements this port. Without an implementation, only an admin sees anything (fail closed).
 */
export abstract class AuditScope {
  abstract condition(actor: Actor, params: unknown[]): Promise<string>;
}
