import Fastify, { type FastifyInstance } from 'fastify';
import { registerStreamingMultipart } from './multipart.registration';

function multipartBody(content: string): { payload: string; headers: Record<string, string> } {
  const boundary = '----masar-test-boundary';
  const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="a.txt"', 'Content-Type: text/plain', '', content, `--${boundary}--`, ''].join('\r\n');
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('multipart in stream mode only', () => {
  let app: FastifyInstance;
  let addHook: jest.SpyInstance;

  beforeEach(async () => {
    app = Fastify();
    addHook = jest.spyOn(app, 'addHook');
    registerStreamingMultipart(app, { limits: { fileSize: 64, files: 1 } });
    app.post('/upload', async (request) => {
      const part = await request.file();
      let bytes = 0;
      for await (const chunk of part!.file) bytes += (chunk as Buffer).length;
      return { field: part!.fieldname, bytes, truncated: part!.file.truncated };
    });
    app.post('/disk', async (request) => {
      try {
        await request.saveRequestFiles();
        return { saved: true };
      } catch (err) {
        return { refused: (err as Error).message };
      }
    });
    app.get('/plain', async () => ({ ok: true }));
    await app.ready();
  });
  afterEach(async () => app.close());

  it('adds no hook to the routes that take no upload (the disk-mode clean-up hooks are left out)', () => {
    const hooks = addHook.mock.calls.map((c) => c[0]);
    expect(hooks).not.toContain('onRequest');
    expect(hooks).not.toContain('onResponse');
  });

  it('streams an uploaded file and applies the limits', async () => {
    const ok = await app.inject({ method: 'POST', url: '/upload', ...multipartBody('hello masar') });
    expect(ok.json()).toEqual({ field: 'file', bytes: 11, truncated: false });
    const big = await app.inject({ method: 'POST', url: '/upload', ...multipartBody('x'.repeat(200)) });
    // The parser's limit stops the stream at 64 bytes (Masar's own limit, one byte lower, answers the 413).
    expect(big.json()).toEqual({ field: 'file', bytes: 64, truncated: true });
    expect((await app.inject({ method: 'GET', url: '/plain' })).json()).toEqual({ ok: true });
  });

  it('refuses disk mode loudly instead of leaving temporary files nothing would clean', async () => {
    const r = await app.inject({ method: 'POST', url: '/disk', ...multipartBody('hello') });
    expect(r.json().refused).toMatch(/stream mode only/);
  });
});
