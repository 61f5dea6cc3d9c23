import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logging.module';

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
});
