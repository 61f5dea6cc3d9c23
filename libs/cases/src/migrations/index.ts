import { CreateCases1796000100001 } from './1796000100001-create-cases';

export const CasesMigrations = [CreateCases1796000100001];
