import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { CaseFiles } from '@masar/documents';
import { CasesCoreModule } from './cases-core.module';
import { CasesProcessor } from './deadlines/cases.processor';
import { SweepDeadlines } from './deadlines/sweep-deadlines.use-case';
import { assertAllWorkflowsValid } from './domain/workflow/workflows';
import { ApplicantRecipientDirectory } from './ports/applicant-recipient-directory';
import { PerformTransition } from './transitions/perform-transition.use-case';

/**
 * The cases context in the worker: the 'cases' queue processor (deadline sweep, clock milestones), and the ports
 * the other contexts' processors need (CaseFiles for documents, ApplicantRecipientDirectory for notifications:
 * `NotificationsWorkerModule.forRoot({ recipients: { useExisting: ApplicantRecipientDirectory }, imports: [CasesWorkerModule] })`).
 */
@Global()
@Module({
  imports: [CasesCoreModule],
  providers: [SweepDeadlines, CasesProcessor],
  exports: [CasesCoreModule, CaseFiles, PerformTransition, ApplicantRecipientDirectory, SweepDeadlines],
})
export class CasesWorkerModule implements OnModuleInit {
  onModuleInit(): void {
    assertAllWorkflowsValid();
  }
}
