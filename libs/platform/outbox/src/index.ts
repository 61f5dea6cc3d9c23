/**
 * Platform: the transactional outbox. A use case writes the jobs its change calls for into `outbox_messages` with
 * the same transaction manager as the change; the relay (in the worker) publishes them to BullMQ with the outbox
 * id as the job id and marks them sent. While the queue is unreachable nothing is lost: rows wait.
 */
export * from './outbox-message.entity';
export * from './outbox';
export * from './outbox-relay';
export * from './outbox.module';
export { OutboxMigrations } from './migrations';
