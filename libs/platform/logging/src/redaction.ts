/**
 * Keys whose values are personal data or secrets. pino redacts them at any of these depths; the censor keeps the
 * shape of the log line so that a reader sees a value was there.
 */
export const SENSITIVE_KEYS = [
  'password', 'newPassword', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'authorization', 'cookie',
  'accessCode', 'secret', 'names', 'firstName', 'lastName', 'fullName', 'latinName', 'arabicName',
  'givenNames', 'familyName', 'givenNamesLatin', 'familyNameLatin', 'givenNamesArabic', 'familyNameArabic',
  'dateOfBirth', 'birthDate', 'birthYear', 'documentNumber', 'documentNumbers', 'phone', 'email', 'address', 'displayName',
];

export function redactPaths(): string[] {
  const paths: string[] = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-access-code"]', 'res.headers["set-cookie"]'];
  for (const k of SENSITIVE_KEYS) {
    paths.push(k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`);
  }
  return paths;
}
