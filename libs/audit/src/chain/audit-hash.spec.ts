import { canonicalBody, chainHash, GENESIS_HASH, type AuditEventBody } from './audit-hash';

const body: AuditEventBody = {
  id: '0b5d1a52-3a0a-4f4e-9d7c-2f4c7d0d8e11',
  occurredAt: '2026-11-29T06:00:00.000Z',
  action: 'case.transition',
  actorId: 'u-1',
  actorRole: 'caseworker',
  subjectType: 'application',
  subjectId: 'a-1',
  applicationId: 'a-1',
  fields: ['state'],
  details: { to: 'submitted', from: 'draft' },
  requestId: 'req-00000001',
  ip: '10.0.0.1',
};

describe('chainHash', () => {
  it('is sha256 of seq, previous hash and canonical body (a fixed vector: the database computes the same)', () => {
    expect(canonicalBody(body)).toBe(
      '{"action":"case.transition","actorId":"u-1","actorRole":"caseworker","applicationId":"a-1","details":{"from":"draft","to":"submitted"},' +
        '"fields":["state"],"id":"0b5d1a52-3a0a-4f4e-9d7c-2f4c7d0d8e11","ip":"10.0.0.1","occurredAt":"2026-11-29T06:00:00.000Z",' +
        '"requestId":"req-00000001","subjectId":"a-1","subjectType":"application"}',
    );
    // printf '1|<64 zeros>|{"a":1}' | sha256sum
    expect(chainHash(1, GENESIS_HASH, '{"a":1}')).toBe('cc95b5635fe1e13ac6f14a523eb76295cd7c421739f28e5cafa6c7c0667229f7');
  });

  it('changes when the seq, the previous hash or any member of the body changes', () => {
    const base = chainHash(5, GENESIS_HASH, canonicalBody(body));
    expect(chainHash(6, GENESIS_HASH, canonicalBody(body))).not.toBe(base);
    expect(chainHash(5, 'f'.repeat(64), canonicalBody(body))).not.toBe(base);
    for (const change of [{ actorId: 'u-2' }, { fields: [] }, { details: { to: 'granted', from: 'draft' } }, { ip: null }, { occurredAt: '2026-11-29T06:00:00.001Z' }]) {
      expect(chainHash(5, GENESIS_HASH, canonicalBody({ ...body, ...change }))).not.toBe(base);
    }
  });
});
