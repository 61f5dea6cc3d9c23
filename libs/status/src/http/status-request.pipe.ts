import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed, type FieldError } from '@masar/errors';
import { isLanguage, LANGUAGES, type Language } from '@masar/letters';

export interface StatusRequest {
  reference: string;
  accessCode: string;
  language?: Language;
}

const FIELDS = new Set(['reference', 'accessCode', 'language']);
const MAX_LENGTH = 40;

/**
 * The body of a status check, validated by hand with the same rules and the same problem document as the
 * StatusRequestDto would get from the global ValidationPipe (whitelist, no unknown field, strings of at most 40
 * characters, a supported language). On the most called route of a campaign, class-transformer and class-validator
 * cost about as much CPU as everything else the route does; three typeof checks cost nothing.
 */
export function parseStatusRequest(value: unknown): StatusRequest {
  const errors: FieldError[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationFailed([{ field: 'body', messages: ['body must be an object'] }]);
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) errors.push({ field: key, messages: [`property ${key} should not exist`] });
  }
  for (const field of ['reference', 'accessCode'] as const) {
    const v = body[field];
    if (typeof v !== 'string') errors.push({ field, messages: [`${field} must be a string`] });
    else if (v.length > MAX_LENGTH) errors.push({ field, messages: [`${field} must be shorter than or equal to ${MAX_LENGTH} characters`] });
  }
  if (body.language !== undefined && !isLanguage(body.language)) {
    errors.push({ field: 'language', messages: [`language must be one of the following values: ${LANGUAGES.join(', ')}`] });
  }
  if (errors.length) throw new ValidationFailed(errors);
  return { reference: body.reference as string, accessCode: body.accessCode as string, language: body.language as Language | undefined };
}

/** The same validation as a Nest pipe, for the account's link route. */
@Injectable()
export class StatusRequestPipe implements PipeTransform<unknown, StatusRequest> {
  transform(value: unknown): StatusRequest {
    return parseStatusRequest(value);
  }
}
