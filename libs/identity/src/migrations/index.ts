import { CreateIdentity1796000020000 } from './1796000020000-create-identity';

export const IdentityMigrations = [CreateIdentity1796000020000];
