import { createServer, type Server, type Socket } from 'node:net';
import { LANGUAGES, renderNotification, SmtpEmailSender, DeliveryFailed, DeliveryUnconfirmed, messageIdFor, type Language } from '@masar/notifications';
import { SmtpSink } from '../support/smtp-sink';

/**
 * An SMTP server that takes a whole message, end of DATA included, and then closes the connection without
 * answering: what a sender sees when the network or the server fails right after the message was handed over.
 */
async function silentAfterData(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.write('220 silent ESMTP\r\n');
    let inData = false;
    let buf = '';
    s.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          if (buf.includes('\r\n.\r\n')) s.destroy();
          return;
        }
        const i = buf.indexOf('\r\n');
        if (i < 0) return;
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (/^DATA/i.test(line)) {
          inData = true;
          s.write('354 go on\r\n');
        } else s.write(/^(EHLO|HELO)/i.test(line) ? '250 silent\r\n' : '250 ok\r\n');
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const REF = 'MA-7K3Q-9XWD';
const FROM = 'Masar <no-reply@masar.gov.ma>';

describe('e-mail over SMTP, read back from a real SMTP server', () => {
  let sink: SmtpSink;
  let sender: SmtpEmailSender;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sender = new SmtpEmailSender({ smtpUrl: sink.url, from: FROM, timeoutMs: 3000 });
  });
  afterAll(async () => {
    await sender.close();
    await sink.close();
  });
  beforeEach(() => sink.clear());

  const expected: Record<Language, { subject: string; line: string }> = {
    ar: { subject: 'مسار: قرار بشأن ملفك', line: 'آخر أجل للطعن: 30 نونبر 2026.' },
    fr: { subject: 'Masar: Une décision sur votre dossier', line: 'Dernier jour pour le recours : 30 novembre 2026.' },
    en: { subject: 'Masar: A decision on your file', line: 'Last day to appeal: 30 November 2026.' },
    es: { subject: 'Masar: Una decisión sobre su expediente', line: 'Último día para recurrir: 30 de noviembre de 2026.' },
  };

  for (const language of LANGUAGES) {
    it(`delivers a rejection in ${language} with subject, text, HTML and our Message-ID`, async () => {
      const rendered = renderNotification(
        'decision.notified',
        { reference: REF, outcome: 'unfavourable', reasons: ['Cinq ans de résidence ne sont pas prouvés.'], appealDeadline: '2026-11-30' },
        language,
      );
      const key = `k-${language}-0123456789abcdef`;
      const receipt = await sender.send({ to: 'applicant@example.org', subject: rendered.subject, text: rendered.text, html: rendered.html, language, idempotencyKey: key });

      await sink.waitFor(1);
      const [mail] = sink.messages;
      expect(mail).toMatchObject({ from: 'no-reply@masar.gov.ma', to: ['applicant@example.org'], subject: expected[language].subject });
      expect(mail!.envelope.to).toEqual(['applicant@example.org']);
      expect(mail!.text).toContain(expected[language].line);
      expect(mail!.text).toContain(REF);
      expect(mail!.text).toContain('Cinq ans de résidence ne sont pas prouvés.');
      expect(mail!.html).toContain(`lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
      expect(mail!.messageId).toBe(`<${key}@masar.gov.ma>`);
      expect(receipt.providerMessageId).toBe(mail!.messageId);
      expect(mail!.headers['content-language']).toBe(language);
      expect(mail!.headers['auto-submitted']).toBe('auto-generated');
    });
  }

  it('reports a 4xx answer as retryable and a 5xx answer as permanent, and nothing arrives', async () => {
    const message = { to: 'applicant@example.org', subject: 's', text: 't', html: '<p>t</p>', language: 'fr' as const, idempotencyKey: 'k-refused' };
    sink.refuseNext(1, 451, 'Greylisted');
    await expect(sender.send(message)).rejects.toMatchObject({ name: 'DeliveryFailed', retryable: true, providerCode: '451' });
    sink.refuseNext(1, 550, 'No such mailbox');
    const permanent = await sender.send(message).catch((e: unknown) => e);
    expect(permanent).toBeInstanceOf(DeliveryFailed);
    expect(permanent).toMatchObject({ retryable: false, providerCode: '550' });
    expect((permanent as Error).message).not.toContain('applicant@example.org');
    expect(sink.messages).toHaveLength(0);
  });

  describe('the point of no return (the end of DATA held back until the caller has recorded it)', () => {
    const message = (key: string) => ({ to: 'held@example.org', subject: 's', text: 'Bonjour.', html: '<p>Bonjour.</p>', language: 'fr' as const, idempotencyKey: key });

    it('writes the whole message but its end, and the end only once the point of no return resolved', async () => {
      const seen: { messageId: string; arrivedBefore: number; arrivedWhileHeld: number }[] = [];
      const receipt = await sender.send(message('k-held'), async (messageId) => {
        const arrivedBefore = sink.messages.length;
        // The server has everything but the end: it accepts nothing while we hold it.
        await new Promise((r) => setTimeout(r, 400));
        seen.push({ messageId, arrivedBefore, arrivedWhileHeld: sink.messages.length });
      });
      expect(seen).toEqual([{ messageId: messageIdFor('k-held', FROM), arrivedBefore: 0, arrivedWhileHeld: 0 }]);
      expect(receipt.providerMessageId).toBe(messageIdFor('k-held', FROM));
      expect(sink.withMessageId(receipt.providerMessageId)).toHaveLength(1);
      expect(sink.messages[0]!.text).toContain('Bonjour.');
    });

    it('sends nothing when the point of no return is refused, and fails with the refusal', async () => {
      const refusal = new Error('claim taken over');
      await expect(sender.send(message('k-refused-point'), async () => Promise.reject(refusal))).rejects.toBe(refusal);
      await new Promise((r) => setTimeout(r, 500));
      expect(sink.messages).toHaveLength(0);
      // The session that carried the unfinished message is closed; the next message goes on a new one.
      await sender.send(message('k-after-refusal'), async () => undefined);
      await sink.waitFor(1);
      expect(sink.messages.map((m) => m.messageId)).toEqual([messageIdFor('k-after-refusal', FROM)]);
    });

    it('reports a message whose end was written and which got no answer as unconfirmed, not as a failure to retry', async () => {
      const silent = await silentAfterData();
      const toSilent = new SmtpEmailSender({ smtpUrl: silent.url, from: FROM, timeoutMs: 1000 });
      try {
        let marked = 0;
        const err = await toSilent.send(message('k-silent'), async () => void marked++).catch((e: unknown) => e);
        expect(marked).toBe(1);
        expect(err).toBeInstanceOf(DeliveryUnconfirmed);
        expect(err).toMatchObject({ providerMessageId: messageIdFor('k-silent', FROM) });
        expect((err as Error).message).not.toContain('held@example.org');
      } finally {
        await toSilent.close();
        await silent.close();
      }
    });
  });

  it('reports an SMTP server that does not answer as retryable', async () => {
    const dead = new SmtpEmailSender({ smtpUrl: 'smtp://127.0.0.1:1', from: FROM, timeoutMs: 1000 });
    await expect(dead.send({ to: 'a@example.org', subject: 's', text: 't', html: 't', language: 'en', idempotencyKey: 'k' })).rejects.toMatchObject({ retryable: true });
    await dead.close();
  });
});
