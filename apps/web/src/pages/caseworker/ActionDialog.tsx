import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type AllowedAction } from '../../api/contract';
import { actionLabel, documentKindLabel, stateLabel } from '../../ui/labels';

export interface ActionInput {
  reason: string;
  data?: Record<string, unknown>;
}

/** The data an action needs, from what the form holds; null while something required is missing. */
export function actionInput(
  needs: readonly string[],
  v: { reason: string; requested: string[]; dueDate: string; interviewAt: string; place: string; interpreter: string; consent: boolean },
): ActionInput | null {
  const data: Record<string, unknown> = {};
  if (needs.includes('reasons_written') && v.reason.trim().length < 3) return null;
  if (needs.includes('information_requested_listed')) {
    if (!v.requested.length || !v.dueDate) return null;
    data.requested = v.requested;
    data.dueDate = v.dueDate;
  }
  if (needs.includes('interview_details_given')) {
    if (!v.interviewAt || !v.place.trim()) return null;
    data.interview = { at: new Date(v.interviewAt).toISOString(), place: v.place.trim(), interpreterLanguage: v.interpreter.trim() || null };
  }
  if (needs.includes('consent_recorded')) {
    if (!v.consent) return null;
    data.consent = true;
  }
  return { reason: v.reason.trim(), data: Object.keys(data).length ? data : undefined };
}

/** Confirms one workflow action with what it needs: written reasons, the documents asked for, interview details, consent. */
export function ActionDialog({ action, onClose, onConfirm, busy }: { action: AllowedAction | null; onClose: () => void; onConfirm: (input: ActionInput) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [requested, setRequested] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [interviewAt, setInterviewAt] = useState('');
  const [place, setPlace] = useState('');
  const [interpreter, setInterpreter] = useState('');
  const [consent, setConsent] = useState(false);
  const needs = action?.needs ?? [];
  const input = actionInput(needs, { reason, requested, dueDate, interviewAt, place, interpreter, consent });
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? actionLabel(t, action.action, action.label) : ''} size="lg">
      {action && (
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (input) onConfirm(input);
          }}
        >
          <Text>{t('case.actionLeadsTo', { state: stateLabel(t, action.to) })}</Text>
          {needs.includes('information_requested_listed') && (
            <>
              <MultiSelect label={t('case.requested')} data={DOCUMENT_KINDS.map((k) => ({ value: k, label: documentKindLabel(t, k) }))} value={requested} onChange={setRequested} required />
              <TextInput type="date" label={t('case.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required />
            </>
          )}
          {needs.includes('interview_details_given') && (
            <>
              <TextInput type="datetime-local" label={t('case.interviewAt')} value={interviewAt} onChange={(e) => setInterviewAt(e.currentTarget.value)} required />
              <TextInput label={t('case.interviewPlace')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required />
              <TextInput label={t('case.interpreter')} value={interpreter} onChange={(e) => setInterpreter(e.currentTarget.value)} />
            </>
          )}
          {needs.includes('consent_recorded') && <Checkbox label={t('case.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />}
          <Textarea
            label={needs.includes('reasons_written') ? t('case.reasonRequired') : t('case.reasonOptional')}
            required={needs.includes('reasons_written')}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {!input && <Alert color="gray">{t('case.fillRequired')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!input}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
