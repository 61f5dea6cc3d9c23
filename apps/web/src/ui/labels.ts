import type { TFunction } from 'i18next';

/** 'provincial_review' -> 'Provincial review': the last resort when a name has no translation yet. */
export function humanize(name: string): string {
  const s = name.replace(/[_.]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function stateLabel(t: TFunction, state: string): string {
  return t(`states.${state}`, { defaultValue: humanize(state) });
}

export function kindLabel(t: TFunction, kind: string): string {
  return t(`kinds.${kind}`, { defaultValue: humanize(kind) });
}

export function categoryLabel(t: TFunction, category: string | null | undefined): string {
  return category ? t(`categories.${category}`, { defaultValue: humanize(category) }) : '';
}

export function documentKindLabel(t: TFunction, kind: string): string {
  return t(`documentKinds.${kind}`, { defaultValue: humanize(kind) });
}

export function actionLabel(t: TFunction, action: string, fallback?: string): string {
  return t(`actions.${action}`, { defaultValue: fallback ?? humanize(action) });
}

/** The person's names in both scripts when both are known. */
export function personName(p: { latinName?: string | null; arabicName?: string | null } | null | undefined): string {
  if (!p) return '';
  return [p.latinName, p.arabicName].filter(Boolean).join(' · ');
}
