import { Button, Group, Modal, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { attachCandidates, decisionReady, MIN_REVIEW_REASON, REVIEW_CHOICES, type ReviewChoice, type ReviewDecisionResult, type ReviewItem } from './intake-logic';

/**
 * A caseworker's decision on one row set aside as a possible duplicate: register it as a new person, attach its
 * file to a person found, or discard it. A reason is asked when the decision goes against the duplicate search or
 * drops the row. The new file's access code comes back only when the batch's receipts were already taken: it goes to
 * `onDecided`, for the list to show (this row's button is gone once the list shows the decision).
 */
export function IntakeReviewDecision({ batchId, item, onDecided }: { batchId: string; item: ReviewItem; onDecided: (result: ReviewDecisionResult) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [choice, setChoice] = useState<ReviewChoice | null>(null);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const persons = attachCandidates(item);
  const decide = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/intake/batches/{batchId}/review/{line}/decision', {
          params: { path: { batchId, line: item.line } },
          body: { decision: choice!, ...(choice === 'attach' ? { applicantId: applicantId! } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      ),
    onSuccess: async (result) => {
      onDecided(result);
      setOpened(false);
      await client.invalidateQueries({ queryKey: ['intake-batch', batchId] });
      await client.invalidateQueries({ queryKey: ['intake-batches'], exact: true });
    },
  });
  const ready = decisionReady(choice, reason, applicantId);
  const reasonNeeded = choice === 'register_new' || choice === 'discard';

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (ready && !decide.isPending) decide.mutate();
  }

  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)} aria-label={t('intake.decision.title', { line: item.line })}>
        {t('intake.decision.decide')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('intake.decision.title', { line: item.line })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack component="form" onSubmit={onSubmit}>
            <Radio.Group label={t('intake.decision.choice')} value={choice} onChange={(v) => setChoice(v as ReviewChoice)} required>
              <Stack gap="xs" mt="xs">
                {REVIEW_CHOICES.map((c) => (
                  <Radio key={c} value={c} label={t(`intake.decision.${c}`)} disabled={c === 'attach' && persons.length === 0} />
                ))}
              </Stack>
            </Radio.Group>
            {choice === 'attach' && (
              <Select
                label={t('intake.decision.person')}
                value={applicantId}
                onChange={setApplicantId}
                data={persons.map((id, i) => ({ value: id, label: t('intake.decision.personOption', { n: i + 1 }) }))}
                required
              />
            )}
            <Textarea
              label={t('intake.decision.reason')}
              description={reasonNeeded ? t('intake.decision.reasonRequired') : t('intake.decision.reasonOptional')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required={reasonNeeded}
              minLength={reasonNeeded ? MIN_REVIEW_REASON : undefined}
              maxLength={1000}
              autosize
              minRows={2}
            />
            {decide.isError && <ProblemAlert error={decide.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!ready} loading={decide.isPending}>
                {t('intake.decision.confirm')}
              </Button>
            </Group>
        </Stack>
      </Modal>
    </>
  );
}
