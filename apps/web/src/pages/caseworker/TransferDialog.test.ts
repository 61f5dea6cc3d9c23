import { describe, expect, it } from 'vitest';
import { transferTargets } from './TransferDialog';

describe('transfer targets', () => {
  it('offers every other prefecture or province, never the office holding the file nor the appeal commission', () => {
    const offices = [
      { id: 'rab', code: 'RAB', name: 'Préfecture de Rabat', kind: 'prefecture' },
      { id: 'ken', code: 'KEN', name: 'Province de Kénitra', kind: 'province' },
      { id: 'cas', code: 'CAS', name: 'Préfecture de Casablanca', kind: 'prefecture' },
      { id: 'cnr', code: 'CNR', name: 'Commission nationale de recours', kind: 'national_commission' },
    ];
    expect(transferTargets(offices, 'rab').map((o) => o.code)).toEqual(['KEN', 'CAS']);
  });
});
