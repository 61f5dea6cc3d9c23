import { DocumentErrors } from '../documents.errors';
import { ALLOWED_CONTENT_TYPES, SNIFF_BYTES, sniffContentType, type ContentType } from './content-type';

/**
 * Passes an upload through while deciding its type from the first bytes. The bytes are held back until the type
 * is known, so a refused file never reaches storage (not even a temporary file). `allowed` narrows the global
 * allow-list for a document kind (a photo must be an image).
 */
export class ContentTypeGate {
  private detected: ContentType | null = null;

  constructor(private readonly allowed: readonly ContentType[] = ALLOWED_CONTENT_TYPES) {}

  get contentType(): ContentType {
    if (!this.detected) throw new Error('content type read before the upload was consumed');
    return this.detected;
  }

  async *pass(source: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<Buffer> {
    const held: Buffer[] = [];
    let heldBytes = 0;
    const iterator = source[Symbol.asyncIterator]();
    let done = false;
    while (heldBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = Buffer.from(next.value);
      held.push(chunk);
      heldBytes += chunk.length;
    }
    const head = Buffer.concat(held);
    const type = sniffContentType(head.subarray(0, SNIFF_BYTES));
    if (!type || !this.allowed.includes(type)) {
      // Stop reading the source so the caller can answer at once; the rest of the upload is discarded.
      await iterator.return?.();
      throw DocumentErrors.unsupportedType(this.allowed);
    }
    this.detected = type;
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
}
