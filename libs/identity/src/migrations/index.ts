import { CreateIdentity1796000020000 } from './1796000020000-create-identity';
import { NotifyAccessChanges1796000020001 } from './1796000020001-notify-access-changes';

export const IdentityMigrations = [CreateIdentity1796000020000, NotifyAccessChanges1796000020001];
