import { foldToGsm7, isGsm7 } from './gsm7';
import { layoutSms } from './sms-encoding';

describe('SMS encoding and segments', () => {
  it('keeps a 160-septet GSM-7 text in one segment and splits 161 into two of 153 and 8', () => {
    expect(layoutSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    const two = layoutSms('a'.repeat(161));
    expect(two).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(two.parts.map((p) => p.length)).toEqual([153, 8]);
    expect(layoutSms('a'.repeat(306)).segments).toBe(2);
    expect(layoutSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets and never splits one across segments', () => {
    expect(layoutSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(layoutSms('[x]{y}~|^\\').units).toBe(8 * 2 + 2);
    // 152 plain septets then a euro sign: 154 > 153, so the euro starts the second segment.
    const layout = layoutSms('a'.repeat(152) + '€' + 'a'.repeat(10));
    expect(layout.parts[0]).toBe('a'.repeat(152));
    expect(layout.parts[1]!.startsWith('€')).toBe(true);
  });

  it('sends Arabic as UCS-2: 70 units in one segment, 67 per segment beyond', () => {
    const arabic = 'م'.repeat(70);
    expect(layoutSms(arabic)).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(layoutSms(arabic + 'م')).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(layoutSms('م'.repeat(134)).segments).toBe(2);
    expect(layoutSms('م'.repeat(135)).segments).toBe(3);
  });

  it('switches a whole Latin text to UCS-2 for one character outside GSM-7', () => {
    expect(layoutSms('a'.repeat(100) + 'ê')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('does not split a surrogate pair (emoji) across UCS-2 segments', () => {
    const layout = layoutSms('a'.repeat(66) + '😀' + 'b'.repeat(10));
    expect(layout.parts[0]).toBe('a'.repeat(66));
    expect(layout.parts[1]!.startsWith('😀')).toBe(true);
  });

  it('folds French and Spanish accents GSM-7 lacks and keeps those it has', () => {
    expect(foldToGsm7('reçu, être, sí, canción, año, déjà, où')).toBe('recu, etre, si, cancion, año, déjà, où');
    expect(foldToGsm7('l’entretien « demain » 5\u202Fmars')).toBe('l\'entretien " demain " 5 mars');
    expect(isGsm7(foldToGsm7('Último día: 5 de marzo'))).toBe(true);
    expect(foldToGsm7('آخر أجل')).toBe('آخر أجل');
  });
});
