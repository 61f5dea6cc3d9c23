import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { ExportApplicantData } from './applicants/applicant-data-export';
import { ApplicantHistory } from './applicants/applicant-history.query';
import { ApplicantRecords } from './applicants/applicant-records';
import { CorrectApplicant } from './applicants/correct-applicant.use-case';
import { EraseApplicantData } from './applicants/erase-applicant-data.use-case';
import { FindDuplicateCandidates } from './applicants/find-duplicate-candidates.query';
import { GetApplicant } from './applicants/get-applicant.query';
import { MergeApplicants } from './applicants/merge-applicants.use-case';
import { RegisterApplicant } from './applicants/register-applicant.use-case';
import { GetApplication } from './applications/get-application.query';
import { OpenApplication } from './applications/open-application.use-case';
import { AssignApplication } from './assignment/assign-application.use-case';
import { ClaimNext } from './assignment/claim-next.use-case';
import { CasesCoreModule } from './cases-core.module';
import { CriteriaVersions } from './criteria/criteria-versions.query';
import { PublishCriteria } from './criteria/publish-criteria.use-case';
import { ApplicationStatusReader } from './ports/application-status-reader';
import { ReencryptPersonalData } from './crypto/reencrypt-personal-data.use-case';
import { OpenDueRenewals } from './deadlines/open-due-renewals.use-case';
import { SweepDeadlines } from './deadlines/sweep-deadlines.use-case';
import { ReviewWorklist } from './criteria/review-worklist.query';
import { assertAllWorkflowsValid } from './domain/workflow/workflows';
import { ApplicantsController } from './http/applicants.controller';
import { ApplicationsController } from './http/applications.controller';
import { CriteriaController } from './http/criteria.controller';
import { WorkQueueController } from './http/work-queue.controller';
import { WorkflowsController } from './http/workflows.controller';
import { RecordEligibilityFacts } from './eligibility/record-eligibility-facts.use-case';
import { AddCaseNote } from './notes/add-case-note.use-case';
import { FlagsAndReferrals } from './protection/flags-and-referrals';
import { TransferApplication } from './transfer/transfer-application.use-case';
import { WorkQueueQuery } from './work-queue/work-queue.query';

/**
 * The cases context in the API. Global because it provides the documents context's `CaseFiles` port: the
 * documents module finds it without importing this one. The workflows are validated when the module starts: a
 * broken definition stops the process with every problem listed.
 */
@Global()
@Module({
  imports: [CasesCoreModule],
  controllers: [ApplicantsController, ApplicationsController, WorkQueueController, WorkflowsController, CriteriaController],
  providers: [
    FindDuplicateCandidates,
    ApplicantRecords,
    GetApplicant,
    ApplicantHistory,
    CorrectApplicant,
    ExportApplicantData,
    EraseApplicantData,
    RegisterApplicant,
    MergeApplicants,
    OpenApplication,
    GetApplication,
    AddCaseNote,
    FlagsAndReferrals,
    RecordEligibilityFacts,
    AssignApplication,
    ClaimNext,
    TransferApplication,
    WorkQueueQuery,
    PublishCriteria,
    CriteriaVersions,
    ReviewWorklist,
    // The worker runs it on schedule; the API holds it too so that an operator's command or a test can run it.
    SweepDeadlines,
    OpenDueRenewals,
    ReencryptPersonalData,
    ApplicationStatusReader,
  ],
  exports: [CasesCoreModule, SweepDeadlines, OpenDueRenewals, ReencryptPersonalData, ExportApplicantData, EraseApplicantData, ApplicationStatusReader],
})
export class CasesModule implements OnModuleInit {
  onModuleInit(): void {
    assertAllWorkflowsValid();
  }
}
