import { CreateSupervision1796000700000 } from './1796000700000-create-supervision';

export const SupervisionMigrations: Function[] = [CreateSupervision1796000700000];
