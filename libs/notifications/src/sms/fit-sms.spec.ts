import { drop, never, shorten } from '../templates/template';
import { fitSms } from './fit-sms';

const REF = 'MA-7K3Q-9XWD';

describe('fitting an SMS into two segments', () => {
  it('sends a message that fits as it is', () => {
    const sms = fitSms([never(`File ${REF}.`), drop('Keep this number.')]);
    expect(sms).toMatchObject({ text: `File ${REF}. Keep this number.`, segments: 1, shortened: false, overLimit: false });
  });

  it('drops courtesy parts first, then shortens a list at a word, and never cuts the reference or the date', () => {
    const list = Array.from({ length: 40 }, (_, i) => `document${i}`).join(', ');
    const sms = fitSms([never(`File ${REF}.`), shorten(`We need: ${list}.`), never('Last day: 5 March 2026.'), drop('Thank you.')]);
    expect(sms.segments).toBe(2);
    expect(sms.shortened).toBe(true);
    expect(sms.text.startsWith(`File ${REF}. We need: document0, document1`)).toBe(true);
    expect(sms.text.endsWith('... Last day: 5 March 2026.')).toBe(true);
    expect(sms.text).not.toContain('Thank you');
    expect(sms.text).not.toMatch(/document\d*\.\.\.\S/);
    expect(sms.units).toBeLessThanOrEqual(306);
  });

  it('shortens Arabic within 134 UCS-2 units with a one-character ellipsis', () => {
    const sms = fitSms([never(`مسار: الملف ${REF}.`), shorten('نحتاج: ' + 'شهادة طبية، '.repeat(20)), never('آخر أجل: 5 مارس 2026.')], { fold: false });
    expect(sms).toMatchObject({ encoding: 'UCS-2', segments: 2, shortened: true });
    expect(sms.units).toBeLessThanOrEqual(134);
    expect(sms.text).toContain(REF);
    expect(sms.text).toContain('…');
    expect(sms.text.endsWith('آخر أجل: 5 مارس 2026.')).toBe(true);
  });

  it('sends essential parts whole, flagged, when they alone exceed the limit', () => {
    const sms = fitSms([never('x'.repeat(400)), shorten('y'.repeat(50))]);
    expect(sms.text).toContain('x'.repeat(400));
    expect(sms.overLimit).toBe(true);
  });
});
