import { Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';
import { notify } from '../../ui/notify';
import { useOffices } from './Users';

type Office = components['schemas']['OfficeDto'];
type OfficeKind = components['schemas']['CreateOfficeDto']['kind'];
const KINDS: OfficeKind[] = ['prefecture', 'province', 'national_commission'];

/** The API's refusals an administrator can act on, in their language; anything else as the API wrote it. */
function OfficeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isProblem(error) && error.code === 'IDENTITY_OFFICE_CODE_TAKEN') return <Alert color="red" role="alert">{t('admin.officeCodeTaken')}</Alert>;
  if (isProblem(error) && error.code === 'IDENTITY_OFFICE_HAS_OPEN_FILES') {
    return <Alert color="red" role="alert">{t('admin.officeHasOpenFiles', { count: Number(error.body.openFiles) })}</Alert>;
  }
  return <ProblemAlert error={error} />;
}

/** New office (code, name, region, kind) or an existing one's name and region (its code and kind are fixed). */
function OfficeForm({ office, onDone }: { office: Office | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [code, setCode] = useState(office?.code ?? '');
  const [name, setName] = useState(office?.name ?? '');
  const [regionCode, setRegionCode] = useState(office?.regionCode ?? '');
  const [kind, setKind] = useState<OfficeKind>((office?.kind as OfficeKind) ?? 'prefecture');
  const save = useMutation({
    mutationFn: () =>
      office
        ? unwrap(api.PATCH('/admin/offices/{id}', { params: { path: { id: office.id } }, body: { name, regionCode } }))
        : unwrap(api.POST('/admin/offices', { body: { code, name, regionCode, kind } })),
    onSuccess: async () => {
      notify({ color: 'green', message: t('admin.saved') });
      await client.invalidateQueries({ queryKey: ['admin-offices'] });
      onDone();
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const codeHint = t('admin.codeHint');
  return (
    <Stack component="form" onSubmit={onSubmit}>
      <TextInput
        label={t('admin.code')}
        description={office ? undefined : codeHint}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
        disabled={Boolean(office)}
        required
        dir="ltr"
        maxLength={10}
      />
      <TextInput label={t('admin.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={160} />
      <TextInput label={t('admin.region')} description={codeHint} value={regionCode} onChange={(e) => setRegionCode(e.currentTarget.value.toUpperCase())} required dir="ltr" maxLength={10} />
      <Select
        label={t('admin.officeKind')}
        value={kind}
        onChange={(v) => v && setKind(v as OfficeKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`admin.officeKinds.${k}`) }))}
        allowDeselect={false}
        disabled={Boolean(office)}
      />
      {save.isError && <OfficeProblem error={save.error} />}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function Offices() {
  const { t } = useTranslation();
  usePageTitle(t('admin.offices'));
  const client = useQueryClient();
  const offices = useOffices();
  const [editing, setEditing] = useState<Office | 'new' | null>(null);
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.POST(active ? '/admin/offices/{id}/reactivate' : '/admin/offices/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-offices'] }),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('admin.offices')}</Title>
        <Button onClick={() => setEditing('new')}>{t('admin.newOffice')}</Button>
      </Group>
      {setActive.isError && <OfficeProblem error={setActive.error} />}
      {offices.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : offices.isError ? (
        <ProblemAlert error={offices.error} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="sm" data-testid="offices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.code')}</Table.Th>
                <Table.Th scope="col">{t('admin.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.officeKind')}</Table.Th>
                <Table.Th scope="col">{t('admin.region')}</Table.Th>
                <Table.Th scope="col">{t('admin.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="st-visually-hidden">{t('admin.actionsColumn')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offices.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td className="masar-mono">{o.code}</Table.Td>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>{t(`admin.officeKinds.${o.kind}`)}</Table.Td>
                  <Table.Td>{o.regionCode}</Table.Td>
                  <Table.Td>
                    <Badge color={o.active ? 'green' : 'gray'} variant="light">
                      {o.active ? t('admin.active') : t('admin.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(o)} aria-label={`${t('common.edit')} ${o.code}`}>
                        {t('common.edit')}
                      </Button>
                      {o.active ? (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          loading={setActive.isPending && setActive.variables?.id === o.id}
                          onClick={() => window.confirm(t('admin.confirmDeactivateOffice', { name: o.name })) && setActive.mutate({ id: o.id, active: false })}
                          aria-label={`${t('admin.deactivate')} ${o.code}`}
                        >
                          {t('admin.deactivate')}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          loading={setActive.isPending && setActive.variables?.id === o.id}
                          onClick={() => setActive.mutate({ id: o.id, active: true })}
                          aria-label={`${t('admin.reactivate')} ${o.code}`}
                        >
                          {t('admin.reactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('admin.newOffice') : t('admin.editOffice')}>
        {editing !== null && <OfficeForm office={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
