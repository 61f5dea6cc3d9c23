import { CreateCases1796000100001 } from './1796000100001-create-cases';
import { OneRenewalPerCard1796000100002 } from './1796000100002-one-renewal-per-card';
import { ApplicantCorrections1796000100003 } from './1796000100003-applicant-corrections';
import { FlagsAndReferrals1796000100004 } from './1796000100004-flags-and-referrals';
import { MergeMovesAccount1796000100005 } from './1796000100005-merge-moves-account';
import { ApplicationStateCounts1796000100010 } from './1796000100010-application-state-counts';
import { DuplicateBlockingIndexes1796000100015 } from './1796000100015-duplicate-blocking-indexes';
import { CaseReportViews1796000900000 } from './1796000900000-case-report-views';

export const CasesMigrations = [
  CreateCases1796000100001,
  OneRenewalPerCard1796000100002,
  ApplicantCorrections1796000100003,
  FlagsAndReferrals1796000100004,
  MergeMovesAccount1796000100005,
  ApplicationStateCounts1796000100010,
  DuplicateBlockingIndexes1796000100015,
  CaseReportViews1796000900000,
];
