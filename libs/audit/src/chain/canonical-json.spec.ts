import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every level', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
  });

  it('keeps array order, since the order of fields or steps can matter', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('escapes strings as JSON, so a value cannot forge structure', () => {
    expect(canonicalJson({ a: '","b":"x' })).toBe('{"a":"\\",\\"b\\":\\"x"}');
  });

  it('drops undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});
