import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createLogDestination } from './log-destination';
import { LoggingModule } from './logging.module';
import { installRequestLog } from './request-log';

const dir = mkdtempSync(join(tmpdir(), 'masar-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linesOf = (file: string): Record<string, unknown>[] => {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 20));
};

describe('the buffered log destination', () => {
  it('keeps the access lines of an application until it closes, then writes them all, each with its request id', async () => {
    const file = join(dir, 'app.log');
    // A buffer larger than the lines and a flush timer that never fires during the test: only the close writes.
    const destination = createLogDestination({ dest: file, bufferBytes: 8192, flushIntervalMs: 600_000 });
    @Module({ imports: [LoggingModule.forRoot({ level: 'info', destination })] })
    class AppModule {}
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
    const fastify = app.getHttpAdapter().getInstance();
    installRequestLog(fastify);
    fastify.post('/status', async () => ({ ok: true }));
    await app.init();
    await fastify.ready();

    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/status', payload: {} })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(linesOf(file)).toEqual([]); // still in the buffer: no write per request

    await app.close();
    const lines = linesOf(file);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.reqId)).toEqual(['req-1', 'req-2', 'req-3', 'req-4', 'req-5']);
    expect(lines[0]).toMatchObject({ msg: 'request completed', method: 'POST', path: '/status', status: 200 });
    destination.end();
  });

  it('writes a quiet process’s lines within the flush interval, without waiting for the buffer to fill', async () => {
    const file = join(dir, 'quiet.log');
    const destination = createLogDestination({ dest: file, flushIntervalMs: 50 });
    const logger = pino({ level: 'info' }, destination);
    logger.info({ reqId: 'req-quiet-1' }, 'one line');
    expect(linesOf(file)).toEqual([]);
    await until(() => linesOf(file).length > 0, 2000);
    expect(linesOf(file)).toEqual([expect.objectContaining({ reqId: 'req-quiet-1', msg: 'one line' })]);
    destination.end();
  });

  it('writes out what it holds when the process exits', () => {
    const file = join(dir, 'exit.log');
    const script = `
      const pino = require('pino');
      const fd = require('node:fs').openSync(${JSON.stringify(file)}, 'a'); // a descriptor, like standard output
      const { createLogDestination } = require(${JSON.stringify(join(__dirname, 'log-destination.ts'))});
      const logger = pino({ level: 'info' }, createLogDestination({ dest: fd, bufferBytes: 8192, flushIntervalMs: 600000 }));
      for (let i = 0; i < 3; i++) logger.warn({ reqId: 'req-exit-' + i }, 'request refused');
      process.exit(0);`;
    execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: join(__dirname, '..', '..', '..', '..'), stdio: 'pipe' });
    expect(linesOf(file).map((l) => l.reqId)).toEqual(['req-exit-0', 'req-exit-1', 'req-exit-2']);
  });
});
