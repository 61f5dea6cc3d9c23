import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { notify } from '../../ui/notify';
import { PersonFields } from './PersonFields';
import { CORRECTION_REASON_MIN, correctionOf, formOf, type CorrectionBody, type CorrectionForm, type PersonRecord } from './person-logic';

/**
 * The right of correction from the person page: the record's fields as they stand, the reason required. Only the
 * fields changed are sent; the API keeps their names and the reason, and the history below the record shows them.
 */
export function CorrectionDialog({ person, opened, onClose }: { person: PersonRecord; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [initial] = useState<CorrectionForm>(() => formOf(person));
  const [form, setForm] = useState<CorrectionForm>(initial);
  const [reason, setReason] = useState('');
  const change = correctionOf(initial, form);
  const changed = Object.keys(change).length > 0;
  const reasonOk = reason.trim().length >= CORRECTION_REASON_MIN;
  const set = (k: keyof CorrectionForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };

  const save = useMutation({
    // null erases a field: the DTO accepts it (IsOptional), its generated type does not say so.
    mutationFn: () => unwrap(api.PATCH('/applicants/{id}', { params: { path: { id: person.id } }, body: { ...change, reason: reason.trim() } as CorrectionBody })),
    onSuccess: async () => {
      notify({ color: 'green', message: t('correction.saved') });
      await client.invalidateQueries({ queryKey: ['applicant', person.id] });
      // The case pages already read show the person too (names, nationality): read again when opened.
      await client.invalidateQueries({ queryKey: ['application'] });
      onClose();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('correction.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed && reasonOk) save.mutate();
        }}
      >
        <Text size="sm">{t('correction.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PersonFields form={form} setForm={setForm} />
          <TextInput label={t('personPage.address')} value={form.address} onChange={set('address')} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('correction.emptyErases')}
        </Text>
        <Textarea
          label={t('correction.reason')}
          description={t('correction.reasonHint', { min: CORRECTION_REASON_MIN })}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={1000}
        />
        {!changed && (
          <Alert color="gray" role="status">
            {t('correction.nothingChanged')}
          </Alert>
        )}
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!changed || !reasonOk}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
