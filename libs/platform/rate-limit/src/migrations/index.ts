import { CreateRateLimits1796000010000 } from './1796000010000-create-rate-limits';

export const RateLimitMigrations = [CreateRateLimits1796000010000];
