import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';

/** A confirmation that says what will happen and asks why, for the changes a registry must be able to explain. */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  what: string;
  reasonLabel: string;
  min: number;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= props.min;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) props.onConfirm(reason.trim());
        }}
      >
        <Text data-testid="reason-dialog-what">{props.what}</Text>
        <Textarea
          label={props.reasonLabel}
          description={t('personPage.reasonHint', { min: props.min })}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={2000}
          data-autofocus
        />
        {props.error ? <ProblemAlert error={props.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={props.busy} disabled={!ok}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
