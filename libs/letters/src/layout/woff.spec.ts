import { readFileSync } from 'node:fs';
import { woffToSfnt } from './woff';

describe('WOFF unpacking', () => {
  const woff = readFileSync(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'));
  const sfnt = woffToSfnt(woff);

  it('gives the TrueType file the WOFF wraps: same flavour, same table count, the size the WOFF header announces', () => {
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it('keeps the shaping tables Arabic joining needs', () => {
    const tags = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['GSUB', 'GPOS', 'GDEF', 'cmap', 'glyf']));
  });

  it('refuses what is not a WOFF', () => {
    expect(() => woffToSfnt(sfnt)).toThrow('not a WOFF 1.0 font');
  });
});
