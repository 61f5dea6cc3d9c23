import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QualitySample } from '../../api/contract';
import { en } from '../../i18n/messages/en';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../../test/page-harness';
import { QualitySamples } from './QualitySamples';

function sample(id: string, reference: string, over: Partial<QualitySample> = {}): QualitySample {
  return {
    id, applicationId: `app-${id}`, reference, kind: 'regularisation', instance: 'first', outcome: 'favourable', decidedAt: '2026-11-25T09:00:00.000Z', officerId: 'o-1', officerName: 'Amina',
    finding: null, comment: null, reviewerId: null, reviewedAt: null, week: '2026-W48', youMayReview: true, ...over,
  };
}

let seen: SeenRequest[];
let items: QualitySample[];
beforeEach(() => {
  items = [sample('s1', 'MA-AAAA-0001'), sample('s2', 'MA-BBBB-0002'), sample('s3', 'MA-CCCC-0003', { youMayReview: false })];
  seen = mockApi((r) => {
    if (r.path === '/quality-samples') return json({ week: '2026-W48', items });
    const finding = /^\/quality-samples\/([^/]+)\/finding$/.exec(r.path);
    if (finding && r.method === 'POST') {
      const body = r.body as { finding: 'agree' | 'disagree'; comment?: string };
      items = items.map((s) => (s.id === finding[1] ? { ...s, finding: body.finding, comment: body.comment ?? null } : s));
      return json({ id: finding[1], finding: body.finding });
    }
    return undefined;
  });
});
afterEach(resetApi);

const findings = () => seen.filter((r) => r.method === 'POST').map((r) => ({ path: r.path, body: r.body }));
const rowOf = (reference: string) => screen.getByRole('link', { name: reference }).closest('tr')!;

describe('QualitySamples', () => {
  it('agreeing sends { finding: agree } for that sample, and the finding is then shown', async () => {
    renderAt(<QualitySamples />);
    await screen.findByTestId('quality-samples');
    // A decision the supervisor took part in is reviewed by someone else.
    expect(rowOf('MA-CCCC-0003')).toHaveTextContent(en.sampling.notYours);
    expect(within(rowOf('MA-CCCC-0003')).queryByRole('button')).toBeNull();
    fireEvent.click(within(rowOf('MA-AAAA-0001')).getByRole('button', { name: en.sampling.agree }));
    await waitFor(() => expect(within(rowOf('MA-AAAA-0001')).queryByRole('button')).toBeNull());
    expect(rowOf('MA-AAAA-0001')).toHaveTextContent(en.sampling.agree);
    expect(findings()).toEqual([{ path: '/quality-samples/s1/finding', body: { finding: 'agree' } }]);
  });

  it('disagreeing needs a reason of 15 characters at least, and sends it with the finding', async () => {
    renderAt(<QualitySamples />);
    await screen.findByTestId('quality-samples');
    fireEvent.click(within(rowOf('MA-BBBB-0002')).getByRole('button', { name: en.sampling.disagree }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: en.common.confirm });
    const why = within(dialog).getByLabelText(new RegExp(en.sampling.why.replace('?', '\\?')));
    fireEvent.change(why, { target: { value: 'Too short' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(why, { target: { value: '  The contract was never checked.  ' } });
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    await waitFor(() => expect(findings()).toEqual([{ path: '/quality-samples/s2/finding', body: { finding: 'disagree', comment: 'The contract was never checked.' } }]));
    await waitFor(() => expect(within(rowOf('MA-BBBB-0002')).queryByRole('button')).toBeNull());
    expect(rowOf('MA-BBBB-0002')).toHaveTextContent(en.sampling.disagree);
  });
});
