import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logging.module';
import { redactSensitive } from './redaction';
import { runWithRequestContext } from './request-context';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ ...loggerOptions({ level: 'info' }), transport: undefined }, stream);
  return { logger, lines };
}

describe('log redaction', () => {
  it('never writes names, document numbers, dates of birth, access codes, passwords or tokens', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        applicant: { givenNamesLatin: 'Mohamed', familyNameArabic: 'العلوي', dateOfBirth: '1990-01-02', documentNumber: 'AB123456', phone: '+212600000000' },
        body: { password: 'hunter2-hunter2', accessCode: 'K7Q3-9XWD' },
        refreshToken: 'abc.def',
        req: { headers: { authorization: 'Bearer eyJhbGciOi' } },
        applicationId: '7f1c',
      },
      'registered',
    );
    const out = lines.join('');
    for (const secret of ['Mohamed', 'العلوي', '1990-01-02', 'AB123456', '+212600000000', 'hunter2', 'K7Q3-9XWD', 'abc.def', 'eyJhbGciOi']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('7f1c');
    expect(out).toContain('[redacted]');
  });

  it('reaches into arrays, deep objects, child bindings and the fields of a logged error, keeping its message', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('conflict on MA-7K3Q'), { detail: { email: 'leak@example.org' } });
    logger.child({ displayName: 'Amina B.' }).error({ err, rows: [{ a: { b: { c: { phone: '+212611111111' } } } }] }, 'failed');
    const out = lines.join('');
    for (const secret of ['leak@example.org', 'Amina B.', '+212611111111']) expect(out).not.toContain(secret);
    const line = JSON.parse(out) as { err: { message: string; stack: string; type: string } };
    expect(line.err).toMatchObject({ type: 'Error', message: 'conflict on MA-7K3Q' });
    expect(line.err.stack).toContain('conflict on MA-7K3Q');
  });

  it('leaves the logged object alone, and returns it untouched when there is nothing to censor', () => {
    const clean = { reqId: 'r-12345678', status: 200, nested: { path: '/status' } };
    expect(redactSensitive(clean)).toBe(clean);
    const body = { reference: 'MA-7K3Q-9XWD', accessCode: 'K7Q3-9XWD' };
    const logged = { body };
    expect(redactSensitive(logged)).toEqual({ body: { reference: 'MA-7K3Q-9XWD', accessCode: '[redacted]' } });
    expect(body.accessCode).toBe('K7Q3-9XWD');
  });

  it('marks every line written during a request with its id', () => {
    const { logger, lines } = capture();
    runWithRequestContext({ requestId: 'req-abcdef12' }, () => logger.info({ step: 1 }, 'inside'));
    logger.info('outside');
    expect(JSON.parse(lines[0]!)).toMatchObject({ reqId: 'req-abcdef12', step: 1 });
    expect(JSON.parse(lines[1]!).reqId).toBeUndefined();
  });
});
