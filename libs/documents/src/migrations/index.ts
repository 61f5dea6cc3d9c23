import { CreateDocuments1796000210000 } from './1796000210000-create-documents';

export const DocumentsMigrations = [CreateDocuments1796000210000];
