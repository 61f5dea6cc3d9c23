/**
 * Platform: queues. The typed job catalogue (every job name, its payload and its queue), the choice of backend
 * (Redis when REDIS_URL is set, bullmq's PostgreSQL backend otherwise) and the Nest wiring of both.
 */
export * from './job-catalogue';
export * from './queue-backend';
export * from './queue.module';
