import type { Language } from '../language';

/** The three kinds of application Masar handles (see the cases context). */
export const APPLICATION_KINDS = ['regularisation', 'asylum', 'renewal'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const APPLICATION_KIND_LABELS: Readonly<Record<Language, Readonly<Record<ApplicationKind, string>>>> = {
  ar: { regularisation: 'تسوية الوضعية الإدارية', asylum: 'طلب اللجوء', renewal: 'تجديد بطاقة الإقامة' },
  fr: { regularisation: 'Régularisation', asylum: "Demande d’asile", renewal: 'Renouvellement de la carte de séjour' },
  en: { regularisation: 'Regularisation', asylum: 'Asylum application', renewal: 'Renewal of the residence card' },
  es: { regularisation: 'Regularización', asylum: 'Solicitud de asilo', renewal: 'Renovación de la tarjeta de residencia' },
};
