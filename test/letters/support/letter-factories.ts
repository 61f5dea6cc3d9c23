import type { DecisionLetterInput, Language, ReceiptInput } from '@masar/letters';

/** Document names as the documents context would give them, per language. */
const DOCUMENTS: Record<Language, { received: string[]; missing: string[]; office: string }> = {
  ar: {
    received: ['طلب موقع', 'صورة شمسية', 'جواز السفر (بلد الأصل)'],
    missing: ['إثبات الإقامة بالمغرب منذ خمس سنوات', 'عقد الكراء أو شهادة السكنى'],
    office: 'مكتب الأجانب - عمالة الرباط',
  },
  fr: {
    received: ['Demande signée', 'Photo d’identité', 'Passeport (pays d’origine)'],
    missing: ['Preuve de résidence au Maroc depuis cinq ans', 'Contrat de bail ou attestation de résidence'],
    office: 'Bureau des étrangers – Préfecture de Rabat',
  },
  en: {
    received: ['Signed request', 'Photograph', 'Passport (country of origin)'],
    missing: ['Proof of five years of residence in Morocco', 'Lease or certificate of residence'],
    office: "Foreigners' office – Prefecture of Rabat",
  },
  es: {
    received: ['Solicitud firmada', 'Fotografía', 'Pasaporte (país de origen)'],
    missing: ['Prueba de residencia en Marruecos desde hace cinco años', 'Contrato de alquiler o certificado de residencia'],
    office: 'Oficina de extranjeros – Prefectura de Rabat',
  },
};

export function aReceipt(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const language = overrides.language ?? 'fr';
  return {
    language,
    reference: 'MA-7K3Q-9XWD',
    accessCode: 'H4TRP-X9M2K',
    kind: 'regularisation',
    office: { name: DOCUMENTS[language].office },
    submittedOn: '2026-11-29',
    documentsReceived: DOCUMENTS[language].received,
    documentsMissing: DOCUMENTS[language].missing,
    missingDocumentsDueOn: '2027-01-29',
    publicBaseUrl: 'https://masar.example.ma',
    ...overrides,
  };
}

const DECISION_TEXTS: Record<Language, { office: string; address: string; reasons: string[]; authority: string; authorityAddress: string; nextSteps: string[] }> = {
  ar: {
    office: 'مكتب الأجانب - عمالة الرباط',
    address: 'شارع محمد الخامس، الرباط',
    reasons: ['لم يتم تقديم ما يثبت الإقامة المتواصلة بالمغرب لمدة خمس سنوات.', 'عقد العمل المقدم مدته أقل من سنتين.'],
    authority: 'اللجنة الوطنية للطعون',
    authorityAddress: 'شارع الحسن الثاني، الرباط',
    nextSteps: ['ستتوصل برسالة قصيرة عندما تصبح بطاقة إقامتك جاهزة.'],
  },
  fr: {
    office: 'Bureau des étrangers – Préfecture de Rabat',
    address: 'Avenue Mohammed V, Rabat',
    reasons: [
      "La résidence continue au Maroc depuis cinq ans n'est pas établie par les pièces fournies.",
      'Le contrat de travail présenté est d’une durée inférieure à deux ans.',
    ],
    authority: 'Commission nationale de recours',
    authorityAddress: 'Avenue Hassan II, Rabat',
    nextSteps: ['Vous recevrez un SMS lorsque votre carte de séjour sera prête.'],
  },
  en: {
    office: "Foreigners' office – Prefecture of Rabat",
    address: 'Avenue Mohammed V, Rabat',
    reasons: ['The documents provided do not show five years of continuous residence in Morocco.', 'The work contract presented is for less than two years.'],
    authority: 'National appeals commission',
    authorityAddress: 'Avenue Hassan II, Rabat',
    nextSteps: ['You will receive a text message when your residence card is ready.'],
  },
  es: {
    office: 'Oficina de extranjeros – Prefectura de Rabat',
    address: 'Avenida Mohammed V, Rabat',
    reasons: [
      'Los documentos aportados no acreditan cinco años de residencia continuada en Marruecos.',
      'El contrato de trabajo presentado es de menos de dos años.',
    ],
    authority: 'Comisión nacional de recursos',
    authorityAddress: 'Avenida Hassan II, Rabat',
    nextSteps: ['Recibirá un SMS cuando su tarjeta de residencia esté lista.'],
  },
};

/** A first-instance rejection of a regularisation, with reasons and the way to appeal. */
export function aRejectionLetter(overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  const language = overrides.language ?? 'fr';
  const t = DECISION_TEXTS[language];
  return {
    language,
    reference: 'MA-7K3Q-9XWD',
    kind: 'regularisation',
    office: { name: t.office, address: t.address },
    decidedOn: '2027-02-10',
    issuedOn: '2027-02-11',
    decision: {
      outcome: 'rejected',
      stage: 'first-instance',
      reasons: t.reasons,
      appeal: { deadline: '2027-03-13', authority: t.authority, address: t.authorityAddress },
    },
    ...overrides,
  };
}

export function aGrantLetter(overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  const language = overrides.language ?? 'fr';
  return {
    ...aRejectionLetter({ language }),
    decision: { outcome: 'granted', stage: 'first-instance', nextSteps: DECISION_TEXTS[language].nextSteps },
    ...overrides,
  };
}
