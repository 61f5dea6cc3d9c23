import type { Language, ReceiptInput } from '@masar/letters';

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
    accessCode: 'H4TR-PX9M-2KQE',
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
