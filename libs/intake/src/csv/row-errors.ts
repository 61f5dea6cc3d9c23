/** Stable codes of a row's problems, as listed in a batch's errors file (line, column, code). */
export const ROW_ERROR_CODES = [
  'ROW_MALFORMED',
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'SEX_INVALID',
  'BIRTH_DATE_MISSING',
  'BIRTH_DATE_INVALID',
  'NATIONALITY_INVALID',
  'DOCUMENT_TYPE_INVALID',
  'DOCUMENT_NUMBER_INVALID',
  'ISSUING_COUNTRY_INVALID',
  'PHONE_INVALID',
  'EMAIL_INVALID',
  'LANGUAGE_INVALID',
  'CATEGORY_INVALID',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface RowError {
  line: number;
  column: string;
  code: RowErrorCode;
}
