import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { SUPERVISOR_TOOLS_MESSAGES } from '../../../apps/web/src/i18n/supervisor-tools.messages';
import { USERS } from '../api';
import { checkAccessibility, expect, screenshot } from '../checks';
import type { TestCase, TestContext } from '../run';
import { inspect } from './main-pages';
import { choose, shootOnFailure, signedIn } from './ui';

const tools = SUPERVISOR_TOOLS_MESSAGES;

/** The Rabat staff's ids, as the supervisor's staff list gives them. */
async function rabatStaff(ctx: TestContext): Promise<{ youssef: string; salma: string }> {
  const me = await ctx.api.call<{ officeId: string }>(USERS.supervisor, 'GET', '/auth/me');
  const staff = await ctx.api.call<{ id: string; displayName: string }[]>(USERS.supervisor, 'GET', `/offices/${me.officeId}/staff`);
  const id = (name: string) => staff.find((s) => s.displayName.startsWith(name))?.id;
  const youssef = id('Youssef');
  const salma = id('Salma');
  expect(youssef && salma, `the Rabat staff list lacks the demo caseworkers: ${staff.map((s) => s.displayName).join(', ')}`);
  return { youssef, salma };
}

async function assigneeOf(ctx: TestContext, id: string): Promise<string | null> {
  return (await ctx.api.call<{ assigneeId: string | null }>(USERS.supervisor, 'GET', `/applications/${id}`)).assigneeId;
}

async function waitForAssignee(ctx: TestContext, id: string, who: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await assigneeOf(ctx, id)) === who) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the file ${id} is held by ${await assigneeOf(ctx, id)}, not ${who}`);
}

export const supervisorTools: TestCase[] = [
  {
    name: 'supervisor tools: supervisor reassigns a file to another caseworker, who then finds it in "assigned to me"',
    run: async (ctx) => {
      const staff = await rabatStaff(ctx);
      const file = await ctx.api.submittedFile({ latinName: 'Awa Ndiaye', nationality: 'SN', sex: 'female', birthDate: { year: 1992 } });
      const { version } = await ctx.api.file(USERS.supervisor, file.id);
      await ctx.api.call(USERS.supervisor, 'PUT', `/applications/${file.id}/assignment`, { assigneeId: staff.youssef, expectedVersion: version });

      const sv = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'fr');
      try {
        await shootOnFailure(sv.page, 'reassign', async () => {
          await sv.page.goto(`${ctx.stack.baseUrl}/app/cases/${file.id}`);
          await sv.page.getByTestId('reassign').click();
          const dialog = sv.page.getByRole('dialog', { name: tools.fr.reassign.title });
          await dialog.waitFor();
          await choose(sv.page, tools.fr.reassign.to, /Salma/);
          // The caseworker who holds the file is not offered.
          await dialog.getByLabel(tools.fr.reassign.reason).fill('Youssef est en congé jusqu’à lundi.');
          await checkAccessibility(sv.page, 'reassign dialog (fr)');
          await screenshot(sv.page, 'fr-case-reassign');
          await dialog.getByRole('button', { name: tools.fr.reassign.action }).click();
          await dialog.waitFor({ state: 'detached', timeout: 10_000 });
          await waitForAssignee(ctx, file.id, staff.salma);
          // The timeline tells the step and its reason.
          await sv.page.getByTestId('case-timeline').getByText('Youssef est en congé jusqu’à lundi.').waitFor({ timeout: 10_000 });
          // The supervisor sees who holds the file by name.
          await sv.page.getByText(`${fr.case.assignee}: Salma Caseworker (Rabat)`).waitFor({ timeout: 10_000 });
        });
      } finally {
        await sv.context.close();
      }

      const cw2 = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker2, 'fr');
      try {
        await cw2.page.goto(`${ctx.stack.baseUrl}/app/queue?tab=mine`);
        await cw2.page.getByTestId('queue-row').filter({ hasText: file.reference }).waitFor({ timeout: 10_000 });
        expect((await cw2.page.getByRole('tab', { selected: true }).textContent())?.includes(fr.queue.tabs.mine), 'the queue did not open on "assigned to me"');
      } finally {
        await cw2.context.close();
      }
      const cw1 = await ctx.api.call<{ items: { id: string }[] }>(USERS.caseworker, 'GET', '/work-queue?view=mine&limit=100');
      expect(!cw1.items.some((i) => i.id === file.id), 'the file is still in the first caseworker\'s "mine"');
    },
  },
  {
    name: 'supervisor tools: supervisor selects two files in the queue and reassigns them together (Arabic)',
    run: async (ctx) => {
      const staff = await rabatStaff(ctx);
      const a = await ctx.api.submittedFile({ latinName: 'Ibrahima Sow', nationality: 'GN', sex: 'male', birthDate: { year: 1985 } });
      const b = await ctx.api.submittedFile({ latinName: 'Fatou Sow', nationality: 'GN', sex: 'female', birthDate: { year: 1987 } });
      const sv = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'ar');
      try {
        await shootOnFailure(sv.page, 'bulk-reassign', async () => {
          await sv.page.goto(`${ctx.stack.baseUrl}/app/queue?tab=unassigned`);
          await sv.page.getByTestId('queue-row').first().waitFor({ timeout: 10_000 });
          await inspect(sv.page, 'ar', 'work-queue-supervisor', { keyboard: true });
          for (const f of [a, b]) await sv.page.getByRole('checkbox', { name: tools.ar.reassign.selectRow.replace('{{reference}}', f.reference) }).check({ timeout: 10_000 });
          await sv.page.getByTestId('queue-selection').getByRole('button', { name: tools.ar.reassign.bulk }).click();
          const dialog = sv.page.getByRole('dialog');
          await dialog.waitFor();
          await choose(sv.page, tools.ar.reassign.to, /Youssef/);
          await dialog.getByLabel(tools.ar.reassign.reason).fill('توزيع الملفات المتأخرة');
          await checkAccessibility(sv.page, 'bulk reassign dialog (ar)');
          await screenshot(sv.page, 'ar-queue-bulk-reassign');
          await dialog.getByRole('button', { name: tools.ar.reassign.action }).click();
          await dialog.waitFor({ state: 'detached', timeout: 10_000 });
          await waitForAssignee(ctx, a.id, staff.youssef);
          await waitForAssignee(ctx, b.id, staff.youssef);
        });
      } finally {
        await sv.context.close();
      }
    },
  },
  {
    name: 'supervisor tools: supervisor places and releases a legal hold on the case page',
    run: async (ctx) => {
      const file = await ctx.api.submittedFile({ latinName: 'Chidi Okafor', nationality: 'NG', sex: 'male', birthDate: { year: 1983 } });
      const sv = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'fr');
      try {
        await shootOnFailure(sv.page, 'legal-hold', async () => {
          await sv.page.goto(`${ctx.stack.baseUrl}/app/cases/${file.id}`);
          const panel = sv.page.locator('[data-testid="legal-hold"]');
          await panel.and(sv.page.locator('[data-held="no"]')).waitFor({ timeout: 10_000 });
          await panel.getByRole('button', { name: tools.fr.legalHold.place }).click();
          const dialog = sv.page.getByRole('dialog', { name: tools.fr.legalHold.place });
          await dialog.getByLabel(tools.fr.legalHold.reason).fill('Recours devant le tribunal administratif de Rabat, dossier 2026/118.');
          await dialog.getByRole('button', { name: fr.common.confirm }).click();
          await panel.and(sv.page.locator('[data-held="yes"]')).waitFor({ timeout: 10_000 });
          expect((await panel.textContent())?.includes('tribunal administratif'), 'the hold does not say why');
          await inspect(sv.page, 'fr', 'case-page-supervisor', { keyboard: true });
          await panel.getByRole('button', { name: tools.fr.legalHold.release }).click();
          const release = sv.page.getByRole('dialog', { name: tools.fr.legalHold.release });
          await release.getByLabel(tools.fr.legalHold.reason).fill('Le tribunal a statué le 27 novembre 2026.');
          await release.getByRole('button', { name: fr.common.confirm }).click();
          await panel.and(sv.page.locator('[data-held="no"]')).waitFor({ timeout: 10_000 });

          // The applicant moved to Salé (an office of the same region: the supervisor still sees the file).
          const before = await ctx.api.file(USERS.supervisor, file.id);
          await sv.page.getByTestId('transfer').click();
          const transfer = sv.page.getByRole('dialog', { name: tools.fr.transfer.action });
          await transfer.waitFor();
          await choose(sv.page, tools.fr.transfer.office, /Salé/);
          await transfer.getByLabel(tools.fr.transfer.reason).fill('Le demandeur a déménagé à Salé en octobre.');
          await checkAccessibility(sv.page, 'transfer dialog (fr)');
          await transfer.getByRole('button', { name: fr.common.confirm }).click();
          await transfer.waitFor({ state: 'detached', timeout: 10_000 });
          const after = await ctx.api.call<{ officeId: string; version: number }>(USERS.supervisor, 'GET', `/applications/${file.id}`);
          expect(after.version === before.version + 1, `the transfer did not make a new version (${before.version} -> ${after.version})`);
          await sv.page.getByTestId('case-timeline').getByText('Le demandeur a déménagé à Salé en octobre.').waitFor({ timeout: 10_000 });
          const cw = await ctx.api.call<{ items: { id: string }[] }>(USERS.caseworker, 'GET', '/work-queue?view=office&limit=100');
          expect(!cw.items.some((i) => i.id === file.id), 'the Rabat caseworker still sees the file transferred to Salé');
        });
      } finally {
        await sv.context.close();
      }
    },
  },
  {
    name: 'supervisor tools: criteria, an administrator publishes a version; supervisors see the versions and the review worklist (Arabic and French)',
    run: async (ctx) => {
      const admin = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.admin, 'ar');
      try {
        await shootOnFailure(admin.page, 'criteria-admin', async () => {
          await admin.page.getByRole('link', { name: tools.ar.criteria.nav }).click();
          await admin.page.getByTestId('criteria-versions').waitFor({ timeout: 10_000 });
          await inspect(admin.page, 'ar', 'criteria-admin', { keyboard: true });
          const row = admin.page.locator('[data-version="MA-2016-R"]');
          const publish = row.getByRole('button', { name: tools.ar.criteria.publishTitle.replace('{{version}}', 'MA-2016-R') });
          if (await publish.count()) {
            await publish.click();
            const dialog = admin.page.getByRole('dialog');
            await dialog.waitFor();
            expect((await dialog.textContent())?.includes(tools.ar.criteria.changes), 'the publication dialog does not say what changes');
            await checkAccessibility(admin.page, 'criteria publication dialog (ar)');
            await dialog.getByRole('button', { name: tools.ar.criteria.publish }).click();
            await dialog.waitFor({ state: 'detached', timeout: 30_000 });
          }
          await row.getByTestId('published').waitFor({ timeout: 10_000 });
        });
      } finally {
        await admin.context.close();
      }
      for (const lang of ['fr', 'ar'] as const) {
        const sv = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, lang);
        try {
          await sv.page.goto(`${ctx.stack.baseUrl}/app/criteria`);
          await sv.page.getByTestId('criteria-versions').waitFor({ timeout: 10_000 });
          await sv.page.getByTestId('criteria-worklist').or(sv.page.getByText(tools[lang].criteria.worklistEmpty)).first().waitFor({ timeout: 10_000 });
          expect((await sv.page.getByRole('button', { name: tools[lang].criteria.publish }).count()) === 0, 'a supervisor is offered to publish criteria');
          await inspect(sv.page, lang, 'criteria-supervisor', { keyboard: true });
        } finally {
          await sv.context.close();
        }
      }
    },
  },
];
