import { CreateSupervision1796000700000 } from './1796000700000-create-supervision';
import { RefreshThroughCases1796000900001 } from './1796000900001-refresh-through-cases';

export const SupervisionMigrations: Function[] = [CreateSupervision1796000700000, RefreshThroughCases1796000900001];
