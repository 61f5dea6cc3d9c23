import { DEFAULT_CLOCK_POLICY as P } from './clock-policy';
import { addMonths, milestonesDue, scheduleClock } from './deadline-arithmetic';

const d = (iso: string) => new Date(iso);

describe('deadline arithmetic', () => {
  it('gives the provincial commission two calendar months, never spilling into the next month', () => {
    expect(scheduleClock('provincial_review', d('2014-03-10T08:00:00Z'), P).dueAt).toEqual(d('2014-05-10T08:00:00Z'));
    expect(addMonths(d('2014-12-31T00:00:00Z'), 2)).toEqual(d('2015-02-28T00:00:00Z'));
    expect(addMonths(d('2015-12-31T00:00:00Z'), 2)).toEqual(d('2016-02-29T00:00:00Z'));
    expect(addMonths(d('2014-11-30T00:00:00Z'), 3)).toEqual(d('2015-02-28T00:00:00Z'));
  });

  it('uses the due date the caseworker set for a request for information, or 30 days', () => {
    const start = d('2014-04-01T00:00:00Z');
    expect(scheduleClock('information_request', start, P).dueAt).toEqual(d('2014-05-01T00:00:00Z'));
    expect(scheduleClock('information_request', start, P, { dueAt: d('2014-04-15T00:00:00Z') }).dueAt).toEqual(d('2014-04-15T00:00:00Z'));
  });

  it('tells the applicant 30 days to appeal and closes about six weeks after notification', () => {
    const s = scheduleClock('appeal_window', d('2014-05-01T10:00:00Z'), P);
    expect(s.dueAt).toEqual(d('2014-05-31T10:00:00Z'));
    expect(s.milestones).toEqual([
      { milestone: 'appeal_deadline', at: d('2014-05-31T10:00:00Z') },
      { milestone: 'end', at: d('2014-06-12T10:00:00Z') },
    ]);
  });

  it('reminds 60 and 30 days before a card expires and lapses after the grace period', () => {
    const s = scheduleClock('card_expiry', d('2015-01-01T00:00:00Z'), P, { cardExpiresAt: d('2015-04-01T00:00:00Z') });
    expect(s.milestones).toEqual([
      { milestone: 'reminder_60', at: d('2015-01-31T00:00:00Z') },
      { milestone: 'reminder_30', at: d('2015-03-02T00:00:00Z') },
      { milestone: 'card_expiry', at: d('2015-04-01T00:00:00Z') },
      { milestone: 'end', at: d('2015-05-01T00:00:00Z') },
    ]);
    // A file opened 40 days before expiry does not get a 60-day reminder late.
    const late = scheduleClock('card_expiry', d('2015-02-20T00:00:00Z'), P, { cardExpiresAt: d('2015-04-01T00:00:00Z') });
    expect(late.milestones.map((m) => m.milestone)).toEqual(['reminder_30', 'card_expiry', 'end']);
  });

  it('sets the asylum decision time by processing modality', () => {
    const start = d('2016-01-01T00:00:00Z');
    expect(scheduleClock('asylum_decision', start, P).dueAt).toEqual(d('2016-06-29T00:00:00Z'));
    expect(scheduleClock('asylum_decision', start, P, { modality: 'accelerated' }).dueAt).toEqual(d('2016-01-31T00:00:00Z'));
  });

  it('lists each due milestone once: the sweep run twice finds nothing new', () => {
    const s = scheduleClock('appeal_window', d('2014-05-01T10:00:00Z'), P);
    const now = d('2014-07-01T00:00:00Z');
    expect(milestonesDue(s, new Set(), d('2014-05-20T00:00:00Z'))).toEqual([]);
    const first = milestonesDue(s, new Set(), now);
    expect(first).toEqual(['appeal_deadline', 'end']);
    expect(milestonesDue(s, new Set(first), now)).toEqual([]);
  });
});
