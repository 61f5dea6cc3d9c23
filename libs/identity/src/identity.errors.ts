import { DomainError } from '@masar/errors';

export const IdentityErrors = {
  invalidCredentials: () => new DomainError('AUTH_INVALID_CREDENTIALS', 401, 'Sign-in failed', 'The e-mail or the password is not right.'),
  invalidToken: () => new DomainError('AUTH_INVALID_TOKEN', 401, 'Invalid token', 'The token is missing, expired or not valid.'),
  refreshReused: () =>
    new DomainError('AUTH_REFRESH_REUSED', 401, 'Session revoked', 'This refresh token was already used; every session of this sign-in is now revoked. Sign in again.'),
  deactivated: () => new DomainError('AUTH_USER_DEACTIVATED', 401, 'Account deactivated', 'This account is deactivated.'),
  noPolicy: () => new DomainError('ACCESS_NO_POLICY', 403, 'Forbidden', 'This route declares no access policy and is refused.'),
  roleRefused: () => new DomainError('ACCESS_ROLE_REFUSED', 403, 'Forbidden', 'Your role may not do this.'),
  emailTaken: () => new DomainError('IDENTITY_EMAIL_TAKEN', 409, 'E-mail in use', 'Another user has this e-mail.'),
  unknownOffice: () => new DomainError('IDENTITY_UNKNOWN_OFFICE', 422, 'Unknown office', 'The office does not exist.'),
  officeRequired: () => new DomainError('IDENTITY_OFFICE_REQUIRED', 422, 'Office required', 'Staff users belong to an office.'),
  officeCodeTaken: () => new DomainError('IDENTITY_OFFICE_CODE_TAKEN', 409, 'Office code in use', 'Another office has this code.'),
  officeNotFound: () => new DomainError('IDENTITY_OFFICE_NOT_FOUND', 404, 'Office not found', 'No such office.'),
  officeHasOpenFiles: (openFiles: number) =>
    new DomainError('IDENTITY_OFFICE_HAS_OPEN_FILES', 409, 'Office has open files', `The office still has ${openFiles} open file(s); move or close them first.`, { openFiles }),
  officeInactive: () => new DomainError('IDENTITY_OFFICE_INACTIVE', 422, 'Office deactivated', 'The office is deactivated; staff cannot be placed in it.'),
  userNotFound: () => new DomainError('IDENTITY_USER_NOT_FOUND', 404, 'User not found', 'No such user.'),
};
