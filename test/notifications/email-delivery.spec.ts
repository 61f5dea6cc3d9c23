import { LANGUAGES, renderNotification, SmtpEmailSender, DeliveryFailed, type Language } from '@masar/notifications';
import { SmtpSink } from '../support/smtp-sink';

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

  it('reports an SMTP server that does not answer as retryable', async () => {
    const dead = new SmtpEmailSender({ smtpUrl: 'smtp://127.0.0.1:1', from: FROM, timeoutMs: 1000 });
    await expect(dead.send({ to: 'a@example.org', subject: 's', text: 't', html: 't', language: 'en', idempotencyKey: 'k' })).rejects.toMatchObject({ retryable: true });
    await dead.close();
  });
});
