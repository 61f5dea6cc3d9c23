import type { Language } from '../language';
import type { ApplicationKind } from './application-kind.labels';

export type DecisionOutcome = 'granted' | 'rejected';

/** Every fixed text of a decision letter, in the four languages. `{date}` is replaced by a formatted date. */
export interface DecisionLetterLabels {
  title: string;
  appealTitle: string;
  reference: string;
  office: string;
  application: string;
  decidedOn: string;
  issuedOn: string;
  addressee: string;
  decisionHeading: string;
  outcome: Readonly<Record<ApplicationKind, Readonly<Record<DecisionOutcome, string>>>>;
  reasonsHeading: string;
  appealHeading: string;
  appealDeadline: string;
  appealWhere: string;
  appealReview: string;
  finalDecision: string;
  nextStepsHeading: string;
  /** What follows a favourable decision when the caller gives no next steps of its own. */
  grantedNextStep: Readonly<Record<ApplicationKind, string>>;
  closing: string;
  signedFor: string;
}

export const DECISION_LETTER_LABELS: Readonly<Record<Language, DecisionLetterLabels>> = {
  ar: {
    title: 'قرار بشأن طلبك',
    appealTitle: 'قرار بشأن طعنك',
    reference: 'مرجع الملف',
    office: 'المكتب',
    application: 'نوع الطلب',
    decidedOn: 'تاريخ القرار',
    issuedOn: 'تاريخ هذه الرسالة',
    addressee: 'إلى',
    decisionHeading: 'القرار',
    outcome: {
      regularisation: { granted: 'تم قبول طلب تسوية وضعيتك الإدارية.', rejected: 'تم رفض طلب تسوية وضعيتك الإدارية.' },
      asylum: { granted: 'تم الاعتراف لك بصفة لاجئ.', rejected: 'تم رفض طلب اللجوء الخاص بك.' },
      renewal: { granted: 'تمت الموافقة على تجديد بطاقة إقامتك.', rejected: 'تم رفض تجديد بطاقة إقامتك.' },
    },
    reasonsHeading: 'أسباب هذا القرار',
    appealHeading: 'كيف تطعن في هذا القرار',
    appealDeadline: 'يمكنك الطعن في هذا القرار إلى غاية {date}، بما في ذلك هذا اليوم.',
    appealWhere: 'جهة الطعن:',
    appealReview: 'سيدرس طعنك شخص آخر غير الذي اتخذ هذا القرار.',
    finalDecision: 'اتُّخذ هذا القرار بعد الطعن، وهو قرار نهائي.',
    nextStepsHeading: 'الخطوات التالية',
    grantedNextStep: {
      regularisation: 'ستُبلَّغ عندما تصبح بطاقة إقامتك جاهزة وبمكان سحبها.',
      asylum: 'ستُبلَّغ عندما تصبح بطاقة اللاجئ وبطاقة الإقامة جاهزتين وبمكان سحبهما.',
      renewal: 'ستُبلَّغ عندما تصبح بطاقتك المجددة جاهزة وبمكان سحبها.',
    },
    closing: 'احتفظ بهذه الرسالة، فقد تحتاجها في أي إجراء لاحق.',
    signedFor: 'عن المكتب',
  },
  fr: {
    title: 'Décision sur votre demande',
    appealTitle: 'Décision sur votre recours',
    reference: 'Référence du dossier',
    office: 'Bureau',
    application: 'Demande',
    decidedOn: 'Date de la décision',
    issuedOn: 'Date du courrier',
    addressee: 'À',
    decisionHeading: 'Décision',
    outcome: {
      regularisation: { granted: 'Votre demande de régularisation est acceptée.', rejected: 'Votre demande de régularisation est rejetée.' },
      asylum: { granted: 'La qualité de réfugié vous est reconnue.', rejected: "Votre demande d’asile est rejetée." },
      renewal: { granted: 'Le renouvellement de votre carte de séjour est accordé.', rejected: 'Le renouvellement de votre carte de séjour est refusé.' },
    },
    reasonsHeading: 'Motifs de la décision',
    appealHeading: 'Comment faire un recours',
    appealDeadline: "Vous pouvez contester cette décision jusqu’au {date} inclus.",
    appealWhere: 'Où déposer le recours :',
    appealReview: 'Votre recours sera examiné par une autre personne que celle qui a pris cette décision.',
    finalDecision: 'Cette décision a été prise sur recours ; elle est définitive.',
    nextStepsHeading: 'Et ensuite',
    grantedNextStep: {
      regularisation: 'Vous serez prévenu quand votre carte de séjour sera prête, et du lieu où la retirer.',
      asylum: 'Vous serez prévenu quand votre carte de réfugié et votre carte de séjour seront prêtes, et du lieu où les retirer.',
      renewal: 'Vous serez prévenu quand votre carte renouvelée sera prête, et du lieu où la retirer.',
    },
    closing: 'Conservez ce courrier : il pourra vous être demandé pour toute démarche.',
    signedFor: 'Pour le bureau',
  },
  en: {
    title: 'Decision on your application',
    appealTitle: 'Decision on your appeal',
    reference: 'File reference',
    office: 'Office',
    application: 'Application',
    decidedOn: 'Date of the decision',
    issuedOn: 'Date of this letter',
    addressee: 'To',
    decisionHeading: 'Decision',
    outcome: {
      regularisation: { granted: 'Your application for regularisation is accepted.', rejected: 'Your application for regularisation is rejected.' },
      asylum: { granted: 'You are recognised as a refugee.', rejected: 'Your application for asylum is rejected.' },
      renewal: { granted: 'The renewal of your residence card is approved.', rejected: 'The renewal of your residence card is refused.' },
    },
    reasonsHeading: 'Reasons for this decision',
    appealHeading: 'How to appeal',
    appealDeadline: 'You may appeal against this decision until {date} inclusive.',
    appealWhere: 'Where to appeal:',
    appealReview: 'Your appeal will be examined by someone other than the person who took this decision.',
    finalDecision: 'This decision was taken on appeal and is final.',
    nextStepsHeading: 'What happens next',
    grantedNextStep: {
      regularisation: 'You will be told when your residence card is ready and where to collect it.',
      asylum: 'You will be told when your refugee card and your residence card are ready and where to collect them.',
      renewal: 'You will be told when your renewed card is ready and where to collect it.',
    },
    closing: 'Keep this letter: you may need it for any further step.',
    signedFor: 'For the office',
  },
  es: {
    title: 'Decisión sobre su solicitud',
    appealTitle: 'Decisión sobre su recurso',
    reference: 'Referencia del expediente',
    office: 'Oficina',
    application: 'Solicitud',
    decidedOn: 'Fecha de la decisión',
    issuedOn: 'Fecha de esta carta',
    addressee: 'A',
    decisionHeading: 'Decisión',
    outcome: {
      regularisation: { granted: 'Su solicitud de regularización ha sido aceptada.', rejected: 'Su solicitud de regularización ha sido denegada.' },
      asylum: { granted: 'Se le reconoce la condición de refugiado.', rejected: 'Su solicitud de asilo ha sido denegada.' },
      renewal: { granted: 'Se aprueba la renovación de su tarjeta de residencia.', rejected: 'Se deniega la renovación de su tarjeta de residencia.' },
    },
    reasonsHeading: 'Motivos de esta decisión',
    appealHeading: 'Cómo recurrir',
    appealDeadline: 'Puede recurrir esta decisión hasta el {date} inclusive.',
    appealWhere: 'Dónde presentar el recurso:',
    appealReview: 'Su recurso será examinado por una persona distinta de la que tomó esta decisión.',
    finalDecision: 'Esta decisión se tomó en vía de recurso y es definitiva.',
    nextStepsHeading: 'Próximos pasos',
    grantedNextStep: {
      regularisation: 'Se le avisará cuando su tarjeta de residencia esté lista y dónde recogerla.',
      asylum: 'Se le avisará cuando su tarjeta de refugiado y su tarjeta de residencia estén listas y dónde recogerlas.',
      renewal: 'Se le avisará cuando su tarjeta renovada esté lista y dónde recogerla.',
    },
    closing: 'Conserve esta carta: puede necesitarla para cualquier trámite posterior.',
    signedFor: 'Por la oficina',
  },
};

