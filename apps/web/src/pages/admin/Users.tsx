import { Badge, Button, Group, Loader, Modal, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';
import { notify } from '../../ui/notify';

type User = components['schemas']['UserDto'];
type Role = User['role'];
const ROLES: Role[] = ['applicant', 'caseworker', 'supervisor', 'admin'];

export function useOffices() {
  return useQuery({ queryKey: ['admin-offices'], queryFn: () => unwrap(api.GET('/admin/offices')), staleTime: 5 * 60_000 });
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const offices = useOffices();
  const client = useQueryClient();
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'caseworker');
  const [officeId, setOfficeId] = useState<string | null>(user?.officeId ?? null);
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () =>
      user
        ? unwrap(api.PATCH('/admin/users/{id}', { params: { path: { id: user.id } }, body: { displayName, role, officeId, ...(password ? { password } : {}) } }))
        : unwrap(api.POST('/admin/users', { body: { email, displayName, role, officeId, password } })),
    onSuccess: async () => {
      notify({ color: 'green', message: t('admin.saved') });
      await client.invalidateQueries({ queryKey: ['admin-users'] });
      onDone();
    },
  });
  const needsOffice = role === 'caseworker' || role === 'supervisor';
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Stack component="form" onSubmit={onSubmit}>
      <TextInput label={t('login.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} disabled={Boolean(user)} required dir="ltr" />
      <TextInput label={t('admin.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required />
      <Select label={t('admin.role')} value={role} onChange={(v) => v && setRole(v as Role)} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} allowDeselect={false} />
      <Select
        label={t('admin.office')}
        value={officeId}
        onChange={setOfficeId}
        data={(offices.data ?? []).filter((o) => o.active || o.id === user?.officeId).map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))}
        required={needsOffice}
        clearable={!needsOffice}
        searchable
      />
      <PasswordInput label={user ? t('admin.newPassword') : t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required={!user} autoComplete="new-password" />
      {save.isError && <ProblemAlert error={save.error} />}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function Users() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users'));
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => unwrap(api.GET('/admin/users')) });
  const offices = useOffices();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const deactivate = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/admin/users/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-users'] }),
    onError: (e) => notify({ color: 'red', message: (e as Error).message }),
  });
  const officeName = (id: string | null) => (id ? (offices.data?.find((o) => o.id === id)?.code ?? '') : '');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('admin.users')}</Title>
        <Button onClick={() => setEditing('new')}>{t('admin.newUser')}</Button>
      </Group>
      {users.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : users.isError ? (
        <ProblemAlert error={users.error} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="sm" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.displayName')}</Table.Th>
                <Table.Th scope="col">{t('login.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.office')}</Table.Th>
                <Table.Th scope="col">{t('admin.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="st-visually-hidden">{t('admin.actionsColumn')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td dir="ltr">{u.email}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{officeName(u.officeId)}</Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light">
                      {u.active ? t('admin.active') : t('admin.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(u)} aria-label={`${t('common.edit')} ${u.displayName}`}>
                        {t('common.edit')}
                      </Button>
                      {u.active && (
                        <Button size="xs" color="red" variant="light" onClick={() => window.confirm(t('admin.confirmDeactivate', { name: u.displayName })) && deactivate.mutate(u.id)} aria-label={`${t('admin.deactivate')} ${u.displayName}`}>
                          {t('admin.deactivate')}
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
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('admin.newUser') : t('common.edit')}>
        {editing !== null && <UserForm user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
