/**
 * The words the applicant must read, written out here rather than imported from the status context, so that a test
 * fails when the answer's wording changes by accident (a label swapped between stages, a language lost).
 */
export const STAGE_WORDS_FOR_TESTS = {
  fr: { under_review: { title: 'Votre demande est en cours d’examen.', next: 'Vous recevrez la décision par écrit.' } },
  en: { under_review: { title: 'Your application is being examined.', next: 'You will receive the decision in writing.' } },
  es: { under_review: { title: 'Su solicitud se está examinando.', next: 'Recibirá la decisión por escrito.' } },
  ar: { under_review: { title: 'طلبك قيد الدراسة.', next: 'ستتوصل بالقرار كتابة.' } },
} as const;
