import { CreateIdentity1796000020000 } from './1796000020000-create-identity';
import { NotifyAccessChanges1796000020001 } from './1796000020001-notify-access-changes';
import { OfficeActive1796001000000 } from './1796001000000-office-active';

export const IdentityMigrations = [CreateIdentity1796000020000, NotifyAccessChanges1796000020001, OfficeActive1796001000000];
