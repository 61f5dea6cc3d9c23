/**
 * The schema is what these migrations make, in this order (TypeORM sorts them by their timestamp). Each context
 * owns its migrations and exports them from its index; register a new context's array here.
 */
import { AuditMigrations } from '@masar/audit';
import { CasesMigrations } from '@masar/cases';
import { DocumentsMigrations } from '@masar/documents';
import { IdentityMigrations } from '@masar/identity';
import { IntakeMigrations } from '@masar/intake';
import { LettersMigrations } from '@masar/letters';
import { NotificationsMigrations } from '@masar/notifications';
import { OutboxMigrations } from '@masar/outbox';
import { RateLimitMigrations } from '@masar/rate-limit';
import { StatusMigrations } from '@masar/status';
import { SupervisionMigrations } from '@masar/supervision';

export const MIGRATIONS: Function[] = [...OutboxMigrations, ...RateLimitMigrations, ...IdentityMigrations, ...AuditMigrations, ...CasesMigrations, ...DocumentsMigrations, ...NotificationsMigrations, ...LettersMigrations, ...StatusMigrations, ...SupervisionMigrations, ...IntakeMigrations];
