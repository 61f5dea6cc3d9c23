import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { STATUS_MESSAGES } from '../../../apps/web/src/i18n/status.messages';
import { USERS } from '../api';
import { checkAccessibility, expect, screenshot } from '../checks';
import { dayFromNow, pdfDocument, photo } from '../fixtures';
import type { TestCase, TestContext } from '../run';
import { choose, shootOnFailure, signedIn, takeAction, waitForState } from './ui';

interface CreatedFile {
  id: string;
  reference: string;
  accessCode: string;
}

async function waitForVerifiedChecklist(ctx: TestContext, id: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const list = await ctx.api.call<{ complete: boolean; items: { kind: string; status: string; reason: string | null }[] }>(USERS.caseworker, 'GET', `/applications/${id}/documents`);
    if (list.complete) return;
    last = list.items.map((i) => `${i.kind}:${i.status}${i.reason ? `(${i.reason})` : ''}`).join(', ');
    if (list.items.some((i) => i.status === 'rejected')) throw new Error(`a document was refused by the checks: ${last}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the worker did not verify the documents in time: ${last}`);
}

export const caseworkerFlow: TestCase[] = [
  {
    name: 'caseworker registers an applicant, sees the duplicate candidate, opens the file, uploads a document and proposes a decision',
    run: async (ctx) => {
      // Already known to Masar under another spelling of the same name.
      await ctx.api.call(USERS.caseworker, 'POST', '/applicants', { latinName: 'Mohammed Diallo', nationality: 'SN', sex: 'male', birthDate: { year: 1990 }, confirmNew: true });

      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker, 'fr');
      try {
        await shootOnFailure(page, 'caseworker-flow', async () => {
          await page.getByRole('link', { name: fr.nav.register }).first().click();
          await page.getByRole('heading', { name: fr.register.title }).waitFor();
          await page.getByLabel(fr.person.latinName).fill('Mohamed Diallo');
          await page.getByLabel(fr.person.arabicName).fill('محمد ديالو');
          await page.getByLabel(fr.person.birthYear).fill('1990');
          await page.getByLabel(fr.person.nationality).fill('SN');
          await choose(page, fr.person.sex, fr.person.sexes.male);
          await page.getByRole('button', { name: fr.register.search }).click();

          const candidate = page.getByTestId('duplicate-candidate');
          await candidate.first().waitFor({ timeout: 10_000 });
          expect((await candidate.first().textContent())?.includes('Mohammed Diallo'), 'the known person is not among the candidates');
          expect(await page.getByTestId('typed-person').isVisible(), 'what was typed is not shown beside the candidates');
          await checkAccessibility(page, 'registration: duplicate candidates (fr)');
          await screenshot(page, 'fr-register-duplicates');

          // Not the same man (another father's name on his passport): a new person.
          await page.getByRole('button', { name: fr.register.confirmNew }).click();
          await choose(page, fr.register.category, fr.categories.work_contract);
          await page.getByRole('button', { name: fr.register.createFile }).click();
          const reference = (await page.getByTestId('created-reference').textContent({ timeout: 10_000 }))!.trim();
          const accessCode = (await page.getByTestId('created-access-code').textContent())!.trim();
          expect(/^MA-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(reference), `odd reference ${reference}`);
          // The counter copy of the receipt, with the access code, as a PDF.
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fr.register.printReceipt }).click()]);
          const pdf = await download.createReadStream().then(async (stream) => {
            const chunks: Buffer[] = [];
            for await (const c of stream) chunks.push(c as Buffer);
            return Buffer.concat(chunks);
          });
          expect(pdf.subarray(0, 5).toString() === '%PDF-', 'the receipt is not a PDF');
          await page.getByRole('link', { name: fr.register.openFile }).click();
          await waitForState(page, 'draft');
          const id = page.url().split('/').pop()!;
          const created: CreatedFile = { id, reference, accessCode };
          ctx.shared.createdFile = created;

          await takeAction(page, 'submit', fr.common.confirm);
          await waitForState(page, 'submitted');
          await takeAction(page, 'start_completeness_check', fr.common.confirm);
          await waitForState(page, 'completeness_check');

          // The passport, uploaded from the case page.
          const documents = page.getByTestId('case-documents');
          await choose(page, fr.documents.which, fr.documentKinds.identity_document);
          // "Choose a file" (the other input opens the camera: a PDF on a counter computer comes from the disk).
          await documents.locator('input[type="file"]:not([capture])').setInputFiles({ name: 'passeport.pdf', mimeType: 'application/pdf', buffer: await pdfDocument('Passport of Mohamed Diallo') });
          await documents.getByLabel(fr.documents.expiresOn).fill(dayFromNow(3));
          await documents.getByRole('button', { name: fr.documents.send }).click();
          await page.getByText(fr.documents.uploaded).waitFor({ timeout: 15_000 });
          const passportRow = page.getByTestId('checklist').getByRole('row').filter({ hasText: fr.documentKinds.identity_document });
          await passportRow.filter({ hasNotText: fr.documents.statuses.missing }).waitFor({ timeout: 15_000 });

          // The rest of the file came in at the counter.
          await ctx.api.upload(USERS.caseworker, id, 'photo', { name: 'photo.jpg', type: 'image/jpeg', bytes: await photo() });
          await ctx.api.upload(USERS.caseworker, id, 'proof_of_entry', { name: 'entree.pdf', type: 'application/pdf', bytes: await pdfDocument('Entry stamp') });
          await ctx.api.upload(USERS.caseworker, id, 'work_contract', { name: 'contrat.pdf', type: 'application/pdf', bytes: await pdfDocument('Work contract, 36 months') });
          await waitForVerifiedChecklist(ctx, id);

          await page.reload();
          await page.getByText(fr.documents.complete).waitFor({ timeout: 15_000 });
          await takeAction(page, 'accept_as_complete', fr.common.confirm);
          await waitForState(page, 'provincial_review');
          await takeAction(page, 'propose_favourable', fr.common.confirm, 'Contrat de travail de 36 mois, pièces vérifiées.');
          await waitForState(page, 'favourable_proposed');
          // The caseworker cannot confirm their own proposal.
          expect((await page.locator('[data-action="confirm_favourable"]').count()) === 0, 'the caseworker is offered to confirm their own proposal');
          await page.getByTestId('workflow-diagram').locator('svg').waitFor({ timeout: 20_000 });
          await checkAccessibility(page, 'case page (fr)');
          await screenshot(page, 'fr-case-page');
        });
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'supervisor confirms the proposed decision (four eyes)',
    run: async (ctx) => {
      const created = ctx.shared.createdFile as CreatedFile | undefined;
      expect(created, 'the caseworker test did not create a file');
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'fr');
      try {
        await page.getByTestId('supervision-awaiting_my_confirmation').getByRole('link', { name: created.reference }).click();
        await waitForState(page, 'favourable_proposed');
        await takeAction(page, 'confirm_favourable', fr.common.confirm);
        await waitForState(page, 'card_production');
        await screenshot(page, 'fr-case-confirmed');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'the applicant sees the new state of the file',
    run: async (ctx) => {
      const created = ctx.shared.createdFile as CreatedFile | undefined;
      expect(created, 'the caseworker test did not create a file');
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'fr-MA' });
      try {
        const page = await context.newPage();
        await page.goto(`${ctx.stack.baseUrl}/status?ref=${created.reference}`);
        await page.locator('input[name="accessCode"]').fill(created.accessCode);
        await page.getByRole('button', { name: STATUS_MESSAGES.fr.show }).click();
        const stage = page.getByTestId('status-stage');
        await stage.waitFor({ timeout: 10_000 });
        const code = await stage.getAttribute('data-stage');
        expect(code === 'card_in_production', `the applicant sees stage ${code}, expected card_in_production`);
        await screenshot(page, 'fr-status-card-in-production');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a file changed by someone else meanwhile: 409, what changed, reload',
    run: async (ctx) => {
      const file = await ctx.api.submittedFile({ latinName: 'Grace Mbala', nationality: 'CD', sex: 'female', birthDate: { year: 1988 } });
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker, 'fr');
      try {
        await page.goto(`${ctx.stack.baseUrl}/app/cases/${file.id}`);
        await waitForState(page, 'submitted');
        // Another caseworker of the office moves the file on while this page is open.
        const now = await ctx.api.file(USERS.caseworker2, file.id);
        await ctx.api.call(USERS.caseworker2, 'POST', `/applications/${file.id}/transitions`, { action: 'start_completeness_check', expectedVersion: now.version });
        await takeAction(page, 'start_completeness_check', fr.common.confirm);
        const dialog = page.getByRole('dialog', { name: fr.conflict.title });
        await dialog.waitFor({ timeout: 10_000 });
        const changes = dialog.getByTestId('conflict-changes');
        await changes.waitFor();
        expect((await changes.textContent())?.includes(fr.states.completeness_check), 'the dialog does not say the state changed');
        await screenshot(page, 'fr-case-conflict');
        await dialog.getByRole('button', { name: fr.conflict.reload }).click();
        await waitForState(page, 'completeness_check');
      } finally {
        await context.close();
      }
    },
  },
];
