import { CreateIntake1796000800000 } from './1796000800000-create-intake';

export const IntakeMigrations = [CreateIntake1796000800000];
