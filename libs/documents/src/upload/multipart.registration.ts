import { fastifyMultipart, type FastifyMultipartOptions } from '@fastify/multipart';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

/**
 * The hooks @fastify/multipart adds for its disk mode only: they clean the temporary files of `saveRequestFiles()`
 * when a response ends or its client goes away. Masar streams every upload (`request.file()`), so they had nothing to
 * do, yet as hooks of the root instance they ran on every request of every route: an async `onRequest` adding a
 * `close` listener and an async `onResponse`, ≈ 35 µs of CPU per request measured on a bare Fastify (227 against
 * 192 µs), a sixth of what a status lookup costs.
 */
const DISK_MODE_HOOKS = new Set(['onRequest', 'onResponse']);
const DISK_MODE_METHODS = new Set(['saveRequestFiles', 'cleanRequestFiles']);

/**
 * @fastify/multipart in stream mode only, on the root instance (Nest's routes live there). Its plugin function runs
 * against a view of the instance that leaves out the disk-mode hooks above and makes the disk-mode methods refuse
 * loudly, so no one can start writing temporary files that nothing would clean.
 */
export function registerStreamingMultipart(fastify: FastifyInstance, options: FastifyMultipartOptions): void {
  const streamOnly: FastifyInstance = new Proxy(fastify, {
    get(target, prop) {
      if (prop === 'addHook') {
        return (name: string, hook: unknown) => (DISK_MODE_HOOKS.has(name) ? streamOnly : (target.addHook as (n: string, h: unknown) => unknown)(name, hook));
      }
      if (prop === 'decorateRequest') {
        return (name: string, value: unknown) =>
          target.decorateRequest(
            name,
            DISK_MODE_METHODS.has(name)
              ? () => {
                  throw new Error(`${name}() is not available: Masar registers multipart in stream mode only (request.file())`);
                }
              : value,
          );
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  fastifyMultipart(streamOnly, options, (err) => {
    if (err) throw err;
  });
}

/**
 * Registers multipart parsing on the API's Fastify instance. The parser's own limits are a backstop one byte
 * above ours (one file, a few small fields): our limit, enforced while streaming, gives the 413 and deletes the
 * partial file; the parser's stops a client that would stream forever. Registered by a direct call rather than
 * `fastify.register`, so nothing waits in Fastify's plugin queue (awaiting one here would load the queue before Nest
 * installs its error handler, and body errors would answer Fastify's JSON instead of problem+json).
 */
@Injectable()
export class MultipartRegistration implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || fastify.hasContentTypeParser('multipart/form-data')) return;
    registerStreamingMultipart(fastify, {
      limits: { fileSize: this.config.storage.maxDocumentBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 },
    });
  }
}
