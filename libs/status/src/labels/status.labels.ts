import type { Language } from '@masar/letters';

/**
 * The fixed texts of a status answer and of its failures. `{date}`, `{time}`, `{place}`, `{seconds}` and
 * `{documents}` are filled in by the answer builder.
 */
export interface StatusTexts {
  provideDocuments: string;
  provideDocumentsBy: string;
  attendInterview: string;
  interpreter: string;
  appealBy: string;
  collectCard: string;
  notFoundTitle: string;
  notFoundDetail: string;
  mistypedTitle: string;
  mistypedDetail: string;
  tooManyTitle: string;
  tooManyDetail: string;
  linkedElsewhereTitle: string;
  linkedElsewhereDetail: string;
}

export const STATUS_TEXTS: Readonly<Record<Language, StatusTexts>> = {
  fr: {
    provideDocuments: 'Apportez ou déposez en ligne : {documents}.',
    provideDocumentsBy: 'Apportez ou déposez en ligne, au plus tard le {date} : {documents}.',
    attendInterview: 'Présentez-vous à votre entretien le {date} à {time}, {place}.',
    interpreter: 'Un interprète sera présent.',
    appealBy: "Vous pouvez faire un recours jusqu'au {date} inclus.",
    collectCard: 'Retirez votre carte à : {place}.',
    notFoundTitle: 'Aucun dossier ne correspond',
    notFoundDetail: "Vérifiez la référence et le code d'accès imprimés sur votre récépissé.",
    mistypedTitle: 'Référence mal saisie',
    mistypedDetail: 'Cette référence ne peut pas exister : vérifiez chaque caractère sur votre récépissé.',
    tooManyTitle: 'Trop de tentatives',
    tooManyDetail: 'Réessayez dans {seconds} secondes.',
    linkedElsewhereTitle: 'Dossier déjà rattaché',
    linkedElsewhereDetail: 'Ce dossier est rattaché à un autre compte. Adressez-vous au bureau.',
  },
  en: {
    provideDocuments: 'Bring or upload: {documents}.',
    provideDocumentsBy: 'Bring or upload by {date}: {documents}.',
    attendInterview: 'Come to your interview on {date} at {time}, {place}.',
    interpreter: 'An interpreter will be there.',
    appealBy: 'You may appeal until {date} inclusive.',
    collectCard: 'Collect your card at: {place}.',
    notFoundTitle: 'No file matches',
    notFoundDetail: 'Check the reference and the access code printed on your receipt.',
    mistypedTitle: 'Reference mistyped',
    mistypedDetail: 'This reference cannot exist: check each character against your receipt.',
    tooManyTitle: 'Too many attempts',
    tooManyDetail: 'Try again in {seconds} seconds.',
    linkedElsewhereTitle: 'File already linked',
    linkedElsewhereDetail: 'This file is linked to another account. Please ask the office.',
  },
  es: {
    provideDocuments: 'Traiga o suba en línea: {documents}.',
    provideDocumentsBy: 'Traiga o suba en línea, a más tardar el {date}: {documents}.',
    attendInterview: 'Acuda a su entrevista el {date} a las {time}, {place}.',
    interpreter: 'Habrá un intérprete.',
    appealBy: 'Puede recurrir hasta el {date} inclusive.',
    collectCard: 'Recoja su tarjeta en: {place}.',
    notFoundTitle: 'Ningún expediente coincide',
    notFoundDetail: 'Compruebe la referencia y el código de acceso impresos en su resguardo.',
    mistypedTitle: 'Referencia mal escrita',
    mistypedDetail: 'Esta referencia no puede existir: compruebe cada carácter en su resguardo.',
    tooManyTitle: 'Demasiados intentos',
    tooManyDetail: 'Vuelva a intentarlo dentro de {seconds} segundos.',
    linkedElsewhereTitle: 'Expediente ya vinculado',
    linkedElsewhereDetail: 'Este expediente está vinculado a otra cuenta. Diríjase a la oficina.',
  },
  ar: {
    provideDocuments: 'أحضر أو حمّل: {documents}.',
    provideDocumentsBy: 'أحضر أو حمّل في أجل أقصاه {date}: {documents}.',
    attendInterview: 'احضر إلى مقابلتك يوم {date} على الساعة {time}، {place}.',
    interpreter: 'سيحضر مترجم.',
    appealBy: 'يمكنك الطعن إلى غاية {date}، بما في ذلك هذا اليوم.',
    collectCard: 'اسحب بطاقتك من: {place}.',
    notFoundTitle: 'لا يوجد ملف مطابق',
    notFoundDetail: 'تحقق من المرجع ورمز الولوج المطبوعين على وصل الإيداع.',
    mistypedTitle: 'خطأ في كتابة المرجع',
    mistypedDetail: 'لا يمكن أن يوجد هذا المرجع: تحقق من كل حرف على وصل الإيداع.',
    tooManyTitle: 'محاولات كثيرة جدا',
    tooManyDetail: 'أعد المحاولة بعد {seconds} ثانية.',
    linkedElsewhereTitle: 'الملف مرتبط بحساب آخر',
    linkedElsewhereDetail: 'هذا الملف مرتبط بحساب آخر. يرجى التوجه إلى المكتب.',
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
