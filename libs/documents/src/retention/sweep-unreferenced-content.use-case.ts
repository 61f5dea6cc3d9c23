import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentStorage } from '../storage/document-storage';

/** Uploads commit within seconds; a day of grace leaves any upload in flight far behind. */
export const DEFAULT_GRACE_MS = 24 * 3600 * 1000;

/**
 * Deletes stored content no document refers to: the bytes of an upload whose transaction failed after they were
 * stored, and temporary files of uploads cut off by a crash. Personal data must not outlive its purpose on disk
 * because a request failed. Only content older than the grace period is considered, and its age is checked again
 * just before deletion, so the bytes of an upload still in flight (or a new upload of the same bytes) are kept.
 */
@Injectable()
export class SweepUnreferencedContent {
  private readonly logger = new Logger(SweepUnreferencedContent.name);

  constructor(
    private readonly storage: DocumentStorage,
    private readonly dataSource: DataSource,
  ) {}

  async execute(now = new Date(), graceMs = DEFAULT_GRACE_MS): Promise<{ examined: number; removed: number }> {
    const before = new Date(now.getTime() - graceMs);
    let examined = 0;
    let removed = 0;
    for await (const sha256 of this.storage.listWrittenBefore(before)) {
      examined++;
      const [referenced] = (await this.dataSource.query(`select 1 from documents where sha256 = $1 limit 1`, [sha256])) as unknown[];
      if (referenced) continue;
      if (await this.storage.removeIfWrittenBefore(sha256, before)) removed++;
    }
    this.logger.log({ examined, removed }, 'unreferenced document content swept');
    return { examined, removed };
  }
}
