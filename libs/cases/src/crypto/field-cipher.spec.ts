import { randomBytes } from 'node:crypto';
import { BlindIndex, FieldCipher } from './field-cipher';

describe('field cipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips, never writes the clear text, and differs each time', () => {
    const c = new FieldCipher({ k1 }, 'k1');
    const a = c.encrypt('AB123456', 'document_number');
    expect(a).toMatch(/^v1\.k1\./);
    expect(a).not.toContain('AB123456');
    expect(a).not.toBe(c.encrypt('AB123456', 'document_number'));
    expect(c.decrypt(a, 'document_number')).toBe('AB123456');
  });

  it('reads data written under an older key after rotation', () => {
    const old = new FieldCipher({ k1 }, 'k1').encrypt('+212600000000', 'phone');
    const rotated = new FieldCipher({ k1, k2 }, 'k2');
    expect(rotated.decrypt(old, 'phone')).toBe('+212600000000');
    expect(FieldCipher.keyIdOf(rotated.encrypt('x', 'phone'))).toBe('k2');
    expect(() => new FieldCipher({ k2 }, 'k2').decrypt(old, 'phone')).toThrow(/"k1" is not configured/);
  });

  it('refuses a cipher text moved to another field or tampered with', () => {
    const c = new FieldCipher({ k1 }, 'k1');
    const a = c.encrypt('1990-01-01', 'birth_date');
    expect(() => c.decrypt(a, 'phone')).toThrow();
    const parts = a.split('.');
    parts[4] = Buffer.from('1990-01-02').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'birth_date')).toThrow();
  });
});

describe('blind index', () => {
  it('finds the same document number however it was written, and depends on the key', () => {
    const b = new BlindIndex(Buffer.alloc(32, 1));
    expect(b.documentNumber('ab-123 456')).toBe(b.documentNumber('AB123456'));
    expect(b.documentNumber('AB123456')).not.toBe(b.documentNumber('AB123457'));
    expect(new BlindIndex(Buffer.alloc(32, 2)).documentNumber('AB123456')).not.toBe(b.documentNumber('AB123456'));
  });
});
