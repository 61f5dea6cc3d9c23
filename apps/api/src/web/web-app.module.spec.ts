import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebAppModule, wantsHtml } from './web-app.module';

@Controller('status')
class FakeStatusController {
  @Get('api-only')
  apiOnly() {
    return { ok: true };
  }
}

@Module({ imports: [WebAppModule], controllers: [FakeStatusController] })
class TestModule {}

describe('WebAppModule', () => {
  let dist: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'masar-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Masar</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    process.env.WEB_DIST_DIR = dist;
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    delete process.env.WEB_DIST_DIR;
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, accept: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { accept } });

  it('answers a browser navigating to a page of the application with index.html, never cached', async () => {
    for (const url of ['/', '/status?ref=MA-7K3Q-9XWD', '/login', '/app/cases/123', '/my/files/MA-7K3Q-9XWD']) {
      const res = await get(url, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('answers a program asking JSON at such an address with a 404 problem, not a page', async () => {
    const res = await get('/app/queue', 'application/json');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await get('/assets/index-abc123.js', '*/*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API routes to the API', async () => {
    const res = await get('/status/api-only', 'text/html');
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });

  it('recognises a browser navigation by its Accept header', () => {
    expect(wantsHtml('text/html,*/*')).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
  });
});
