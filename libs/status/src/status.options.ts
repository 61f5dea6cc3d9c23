/**
 * How many failed status checks are tolerated. Per reference: a stranger guessing one file's access code gets five
 * tries in a quarter of an hour, then the reference is locked for an hour (audited). Per address: wider, because
 * an association's office or a cybercafé puts many applicants behind one address.
 */
export interface StatusOptions {
  failuresPerReference: number;
  referenceWindowSeconds: number;
  referenceLockSeconds: number;
  failuresPerAddress: number;
  addressWindowSeconds: number;
  addressBlockSeconds: number;
}

export const STATUS_OPTIONS = Symbol('STATUS_OPTIONS');

export const DEFAULT_STATUS_OPTIONS: StatusOptions = {
  failuresPerReference: 5,
  referenceWindowSeconds: 15 * 60,
  referenceLockSeconds: 60 * 60,
  failuresPerAddress: 30,
  addressWindowSeconds: 15 * 60,
  addressBlockSeconds: 15 * 60,
};
