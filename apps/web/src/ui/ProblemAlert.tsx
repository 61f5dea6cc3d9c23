import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem';

/** An API problem shown to a person: the detail the API wrote, the field messages, the error id to quote. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = isProblem(error) ? error : null;
  const errorId = problem?.body.errorId as string | undefined;
  return (
    <Alert color="red" title={title ?? problem?.body.title ?? t('common.errorTitle')} role="alert">
      {problem?.status === 403 ? t('common.forbidden') : problem?.status === 404 ? t('common.notFound') : (problem?.body.detail ?? t('common.errorText'))}
      {problem?.body.errors?.length ? (
        <List size="sm" mt="xs">
          {problem.body.errors.map((e) => (
            <List.Item key={e.field}>
              {e.field}: {e.messages.join(' ')}
            </List.Item>
          ))}
        </List>
      ) : null}
      {errorId ? <div>{t('common.errorId', { id: errorId })}</div> : null}
    </Alert>
  );
}
