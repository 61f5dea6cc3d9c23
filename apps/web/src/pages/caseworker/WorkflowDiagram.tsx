import { Alert, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchWorkflowDiagram } from '../../api/cases';
import type { CaseKind } from '../../api/contract';
import { isLanguage } from '../../i18n/languages';
import { stateLabel } from '../../ui/labels';
import { highlightState } from './highlight-state';

/**
 * The file's workflow drawn from GET /workflows/{kind} (the same data the engine runs) in the reader's language,
 * current state highlighted.
 * Mermaid is large: it is imported here only, so it loads with the case page and never with the status page.
 */
export function WorkflowDiagram({ kind, state }: { kind: CaseKind; state: string }) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'en';
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const workflow = useQuery({
    queryKey: ['workflow-diagram', kind, lang],
    queryFn: () => fetchWorkflowDiagram(kind, lang),
    staleTime: Infinity,
  });

  useEffect(() => {
    const source = workflow.data;
    if (!source || !host.current) return;
    let cancelled = false;
    (async () => {
      try {
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'inherit' });
        const { svg } = await mermaid.render(`wf${id}`, highlightState(source, state));
        if (!cancelled && host.current) {
          host.current.innerHTML = svg;
          const el = host.current.querySelector('svg');
          // Drawn at its own size, in a box that scrolls sideways: a big workflow shrunk to the column is unreadable.
          const width = el?.viewBox.baseVal?.width;
          if (el && width) {
            el.style.maxWidth = 'none';
            el.style.width = `${Math.round(width)}px`;
            el.removeAttribute('width');
          }
          el?.setAttribute('role', 'img');
          // Bring the current state into the middle of the box (the box scrolls, not the page).
          const box = host.current;
          const here = box.querySelector(`g.current, [id*="state-${state}-"]`);
          if (here) {
            const r = here.getBoundingClientRect();
            const b = box.getBoundingClientRect();
            box.scrollLeft += r.left - b.left - b.width / 2 + r.width / 2;
            box.scrollTop += r.top - b.top - b.height / 2 + r.height / 2;
          }
          el?.setAttribute('aria-label', t('case.diagramLabel', { state: stateLabel(t, state) }));
        }
      } catch (e) {
        if (!cancelled) setFailed((e as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [workflow.data, state, id, t]);

  if (workflow.isError) return <Alert color="gray">{t('case.diagramUnavailable')}</Alert>;
  return (
    <Paper withBorder p="sm">
      <Text size="sm" mb="xs">
        {t('case.diagramCurrent', { state: stateLabel(t, state) })}
      </Text>
      {workflow.isPending && <Loader aria-label={t('common.loading')} />}
      {failed && <Alert color="gray">{failed}</Alert>}
      {/* Diagrams read left to right whatever the page's direction. */}
      <div ref={host} className="masar-mermaid" dir="ltr" data-testid="workflow-diagram" tabIndex={0} role="region" aria-label={t('case.diagramScroll')} />
    </Paper>
  );
}
