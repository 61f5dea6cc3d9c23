import { APPLICATION_KIND_LABELS } from '../labels/application-kind.labels';
import { RECEIPT_LABELS } from '../labels/receipt.labels';
import { isLanguage, writingDirection } from '../language';
import { LettersErrors } from '../letters.errors';
import { assertLocalDate, formatLocalDate, withDate } from '../local-date';
import { createLetterDocument } from '../layout/letter-document';
import { PageWriter, type Column } from '../layout/page-writer';
import { drawQrCode } from '../layout/qr-code';
import { statusPageUrl } from '../status-page-url';
import type { ReceiptInput } from './receipt.view-model';

const QR_SIZE = 128;
const QR_GAP = 24;
const GREY = '#444444';

/** Renders the receipt handed to an applicant at submission: what was filed, how to follow it, what is missing. */
export async function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  validate(input);
  const labels = RECEIPT_LABELS[input.language];
  const url = statusPageUrl(input.publicBaseUrl, input.reference);
  const { doc, done } = createLetterDocument({
    language: input.language,
    title: `${labels.title} ${input.reference}`,
    date: new Date(`${input.submittedOn}T00:00:00Z`),
  });
  const page = new PageWriter(doc, writingDirection(input.language));

  page.paragraph(labels.title, { size: 19, weight: 'bold' }, { after: 2 });
  page.paragraph(input.office.name, { size: 12, color: GREY }, { after: 6 });
  page.rule(undefined, 14);

  // The identification block, with the QR code beside it on the end side of the page.
  const top = page.y;
  const fields: Column = { offset: 0, width: page.contentWidth - QR_SIZE - QR_GAP };
  const field = (label: string, value: string, size: number) => {
    page.paragraph(label, { size: 10, color: GREY }, { column: fields });
    page.paragraph(value, { size, weight: 'bold' }, { column: fields, after: 6 });
  };
  field(labels.reference, input.reference, 18);
  if (input.accessCode !== null) field(labels.accessCode, input.accessCode, 18);
  else {
    page.paragraph(labels.accessCode, { size: 10, color: GREY }, { column: fields });
    page.paragraph(labels.accessCodeWithheld, { size: 10.5 }, { column: fields, after: 6 });
  }
  field(labels.application, APPLICATION_KIND_LABELS[input.language][input.kind], 12);
  field(labels.submittedOn, formatLocalDate(input.submittedOn, input.language), 12);
  const qrX = page.x(page.contentWidth - QR_SIZE, QR_SIZE);
  drawQrCode(doc, url, qrX, top + 4, QR_SIZE);
  page.y = Math.max(page.y, top + QR_SIZE + 12);
  page.paragraph(labels.qrCaption, { size: 9.5, color: GREY }, { after: 2 });
  page.paragraph(`${labels.orVisit} ${url}`, { size: 9.5, color: GREY }, { after: 10 });
  page.rule(undefined, 12);

  section(page, labels.documentsReceived, input.documentsReceived, labels.noneReceived);
  section(page, labels.documentsMissing, input.documentsMissing, labels.noneMissing);
  if (input.documentsMissing.length > 0 && input.missingDocumentsDueOn) {
    page.paragraph(withDate(labels.missingBy, input.missingDocumentsDueOn, input.language), { size: 11, weight: 'bold' }, { after: 10 });
  }
  page.rule(undefined, 12);

  page.paragraph(labels.proof, { size: 10.5 }, { after: 6 });
  page.paragraph(labels.keepSafe, { size: 10.5, weight: 'bold' });

  doc.end();
  return done;
}

function section(page: PageWriter, heading: string, items: readonly string[], whenEmpty: string): void {
  page.ensureSpace(60);
  page.paragraph(heading, { size: 13, weight: 'bold' }, { after: 4 });
  if (items.length === 0) {
    page.paragraph(whenEmpty, { size: 11 }, { column: { offset: 14, width: page.contentWidth - 14 }, after: 10 });
    return;
  }
  for (const item of items) page.bullet(item, { size: 11 });
  page.moveDown(8);
}

function validate(input: ReceiptInput): void {
  if (!isLanguage(input.language)) throw LettersErrors.unsupportedLanguage();
  for (const name of ['reference', 'publicBaseUrl'] as const) {
    if (!input[name]?.trim()) throw LettersErrors.missingField(name);
  }
  if (input.accessCode !== null && !input.accessCode?.trim()) throw LettersErrors.missingField('accessCode');
  if (!input.office?.name?.trim()) throw LettersErrors.missingField('office.name');
  assertLocalDate(input.submittedOn, 'submittedOn');
  if (input.missingDocumentsDueOn !== undefined) assertLocalDate(input.missingDocumentsDueOn, 'missingDocumentsDueOn');
}
