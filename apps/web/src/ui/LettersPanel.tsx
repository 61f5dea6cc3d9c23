import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, downloadTo, unwrap } from '../api/client';
import type { IssuedLetter } from '../api/contract';
import { formatDate, LANGUAGES, type Language } from '../i18n/languages';
import { notify } from './notify';
import { ProblemAlert } from './ProblemAlert';

/** The receipt and decision letters issued for a file, each downloadable (every download is audited by the API). */
export function LettersPanel({ applicationId, reference }: { applicationId: string; reference: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const letters = useQuery({
    queryKey: ['letters', applicationId],
    queryFn: () => unwrap(api.GET('/applications/{applicationId}/letters', { params: { path: { applicationId } } })),
  });
  if (letters.isPending) return <Loader aria-label={t('common.loading')} />;
  if (letters.isError) return <ProblemAlert error={letters.error} />;
  if (letters.data.length === 0) return <Text c="dimmed">{t('letters.none')}</Text>;
  return (
    <Stack gap="xs" data-testid="letters">
      {letters.data.map((l) => (
        <Group key={l.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {t(`letters.${l.kind}`)} · {LANGUAGES.find((x) => x.code === l.language)?.name ?? l.language} · {formatDate(l.issuedAt, lang)}
          </Text>
          <Button size="sm" variant="default" onClick={() => void downloadTo(`/letters/${l.id}/content`, `${reference}-${l.kind}.pdf`).catch((e) => notify({ color: 'red', message: (e as Error).message }))}>
            {t('letters.download')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
