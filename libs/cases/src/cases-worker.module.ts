import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { ExportApplicantData } from './applicants/applicant-data-export';
import { ApplicantRecords } from './applicants/applicant-records';
import { EraseApplicantData } from './applicants/erase-applicant-data.use-case';
import { CasesCoreModule } from './cases-core.module';
import { CasesProcessor } from './deadlines/cases.processor';
import { ReencryptPersonalData } from './crypto/reencrypt-personal-data.use-case';
import { OpenDueRenewals } from './deadlines/open-due-renewals.use-case';
import { SweepDeadlines } from './deadlines/sweep-deadlines.use-case';
import { assertAllWorkflowsValid } from './domain/workflow/workflows';

/**
 * The cases context in the worker: the 'cases' queue processor (deadline sweep, clock milestones), and the ports
 * the other contexts' processors need (CaseFiles for documents, ApplicantRecipientDirectory for notifications:
 * `NotificationsWorkerModule.forRoot({ recipients: { useExisting: ApplicantRecipientDirectory }, imports: [CasesWorkerModule] })`).
 */
@Global()
@Module({
  imports: [CasesCoreModule],
  providers: [SweepDeadlines, OpenDueRenewals, ReencryptPersonalData, ApplicantRecords, ExportApplicantData, EraseApplicantData, CasesProcessor],
  exports: [CasesCoreModule, SweepDeadlines, OpenDueRenewals, ReencryptPersonalData, ExportApplicantData, EraseApplicantData],
})
export class CasesWorkerModule implements OnModuleInit {
  onModuleInit(): void {
    assertAllWorkflowsValid();
  }
}
