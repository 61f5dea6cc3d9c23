import type { Actor, CaseScope } from '@masar/access';
import type { FileForDocuments } from '../cases-port/case-files.port';

/**
 * Who may upload to and read the documents of a file. Uploading is for the caseworker of the file's office and for
 * the applicant on their own file; reading adds the supervisors whose scope covers the file and the national
 * commission for files before it. An administrator manages users and reads no case file.
 */
export function mayUpload(actor: Actor, scope: CaseScope, file: FileForDocuments): boolean {
  if (actor.role === 'applicant') return file.applicantUserId !== null && file.applicantUserId === actor.userId;
  if (actor.role === 'caseworker') return scope.kind === 'offices' && scope.officeIds.includes(file.officeId);
  return false;
}

export function mayRead(actor: Actor, scope: CaseScope, file: FileForDocuments): boolean {
  if (actor.role === 'applicant') return file.applicantUserId !== null && file.applicantUserId === actor.userId;
  if (actor.role !== 'caseworker' && actor.role !== 'supervisor' && actor.role !== 'system') return false;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'offices':
      return scope.officeIds.includes(file.officeId);
    case 'appeals':
      return file.beforeAppealBody;
    case 'none':
      return false;
  }
}
