import { cardExpiry } from './card-expiry';

describe('card expiry', () => {
  const now = new Date('2026-03-15T10:00:00Z');
  it('takes the date printed on the card when it lies ahead, else the policy validity', () => {
    expect(cardExpiry('2028-06-30', now, 1)).toBe('2028-06-30');
    expect(cardExpiry(undefined, now, 1)).toBe('2027-03-15');
    expect(cardExpiry('2026-03-01', now, 3)).toBe('2029-03-15');
    expect(cardExpiry('30/06/2028', now, 1)).toBe('2027-03-15');
  });
});
