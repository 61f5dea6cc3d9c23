import fastifyStatic from '@fastify/static';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The single-page application's own addresses; everything else is the API's. */
export const SPA_ROUTES = ['/', '/welcome', '/login', '/signup', '/status', '/my', '/my/*', '/app/*'] as const;

/** Where `vite build` wrote the web application (WEB_DIST_DIR, else apps/web/dist under the working directory). */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WEB_DIST_DIR ?? join(process.cwd(), 'apps', 'web', 'dist'));
}

/** A browser navigating (Accept: text/html) gets the page; a program asking for JSON gets a 404 problem. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return /text\/html|application\/xhtml\+xml/.test(accept);
}

/**
 * Serves the built web application from the API process in production builds: hashed assets under /assets/ with a
 * year-long immutable cache, and index.html (never cached, so a deployment is picked up at once) for the SPA's own
 * addresses. When nothing was built, the API runs on alone and says so once.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const dir = webDistDir();
    const indexPath = join(dir, 'index.html');
    if (!existsSync(indexPath)) {
      this.logger.log(`no web application at ${dir} (run the web build to serve it here)`);
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Not awaited: awaiting a plugin in onModuleInit loads Fastify's plugin queue before Nest installs its error
    // handler, and body errors (413, malformed JSON) would then answer Fastify's JSON instead of problem+json.
    void fastify.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      decorateReply: false,
      // File names carry a content hash: a changed file is a new name, so the old one may be kept for ever.
      cacheControl: true,
      maxAge: 365 * 24 * 3600 * 1000,
      immutable: true,
    });

    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!wantsHtml(request.headers.accept)) {
        return reply
          .code(404)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No API route ${request.method} ${request.url.split('?')[0]}.`, code: 'NOT_FOUND' });
      }
      // Read on each visit (a small file the OS keeps cached), so that a rebuild is served without a restart.
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(indexPath));
    };
    for (const url of SPA_ROUTES) {
      // GET routes answer HEAD too (Fastify's exposeHeadRoutes).
      if (!fastify.hasRoute({ method: 'GET', url })) fastify.get(url, sendIndex);
    }
    for (const file of ['favicon.svg']) {
      const path = join(dir, file);
      if (!existsSync(path) || fastify.hasRoute({ method: 'GET', url: `/${file}` })) continue;
      const body = readFileSync(path);
      fastify.get(`/${file}`, async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(body));
    }
    this.logger.log(`web application served from ${dir}`);
  }
}
