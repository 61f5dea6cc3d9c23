import multipart from '@fastify/multipart';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

/**
 * Registers @fastify/multipart on the API's Fastify instance. The parser's own limits are a backstop one byte
 * above ours (one file, a few small fields): our limit, enforced while streaming, gives the 413 and deletes the
 * partial file; the parser's stops a client that would stream forever.
 */
@Injectable()
export class MultipartRegistration implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as
      | { hasContentTypeParser(t: string): boolean; register(p: unknown, o: unknown): unknown }
      | undefined;
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    // Not awaited: awaiting a plugin here loads Fastify's plugin queue before Nest installs its error handler, and
    // body errors (413, malformed JSON) would then answer Fastify's JSON instead of problem+json.
    void fastify.register(multipart, {
      limits: { fileSize: this.config.storage.maxDocumentBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 },
    });
  }
}
