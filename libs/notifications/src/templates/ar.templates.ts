import type { ParamsOf } from '../events/notification-event';
import { documentLabel, drop, never, shorten, type LanguagePack } from './template';

// Modern Standard Arabic in short sentences, with the words Moroccan offices use (آخر أجل, مكتب الأجانب).
// Imperatives are in the masculine, the usual neutral form of administrative Arabic.
const labels: Record<string, string> = {
  identity_document: 'وثيقة الهوية (جواز السفر أو البطاقة)',
  passport: 'جواز السفر',
  photo: 'صورة شخصية',
  signed_request: 'الطلب الموقّع',
  proof_of_entry: 'ما يثبت دخولك إلى المغرب',
  proof_of_residence: 'ما يثبت أنك تسكن في المغرب (مع التاريخ)',
  marriage_certificate: 'عقد الزواج',
  birth_certificate: 'شهادة الميلاد',
  work_contract: 'عقد العمل',
  medical_certificate: 'شهادة طبية',
  criminal_record_extract: 'شهادة السجل العدلي',
  proof_of_address: 'ما يثبت عنوان سكنك',
  proof_of_means: 'ما يثبت دخلك',
};

export const arabic: LanguagePack = {
  language: 'ar',
  greeting: 'مرحبا،',
  closing: ['مسار، مكتب الأجانب.', 'من فضلك لا ترد على هذه الرسالة.'],
  documentLabels: labels,
  templates: {
    'application.submitted': {
      subject: () => 'استلمنا طلبك',
      body: (p) => [
        'استلمنا طلبك.',
        `رقم ملفك هو: ${p.reference}.`,
        'احتفظ بهذا الرقم. ستحتاجه لتسأل عن ملفك.',
        'سنخبرك بما سيحدث بعد ذلك.',
      ],
      sms: (p) => [never('مسار: استلمنا طلبك.'), never(`الرقم: ${p.reference}.`), drop('احتفظ بهذا الرقم.')],
    },
    'information.requested': {
      subject: () => 'نحتاج وثائق أخرى',
      body: (p, f) => [
        `نحتاج وثائق أخرى لملفك ${p.reference}.`,
        'أحضر أو أرسل هذه الوثائق:',
        { list: p.documents.map((d) => documentLabel(arabic, d)) },
        `آخر أجل: ${f.day(p.dueDate)}.`,
        'إذا لم تصل في الوقت، قد نقرر بدونها.',
      ],
      sms: (p, f) => [
        never(`مسار: الملف ${p.reference}.`),
        shorten(`نحتاج: ${p.documents.map((d) => documentLabel(arabic, d)).join('، ')}.`),
        never(`آخر أجل: ${f.day(p.dueDate)}.`),
      ],
    },
    'interview.scheduled': {
      subject: (p, f) => `مقابلتك: ${f.dateTime(p.at)}`,
      body: (p, f) => [
        `لديك مقابلة من أجل ملفك ${p.reference}.`,
        `التاريخ والساعة: ${f.dateTime(p.at)}.`,
        `المكان: ${p.place}.`,
        'أحضر وثيقة هويتك ورقم ملفك.',
        p.interpreterLanguage
          ? `سيكون هناك مترجم للغة ${f.languageName(p.interpreterLanguage)}.`
          : 'إذا كنت تحتاج مترجما، أخبرنا قبل المقابلة.',
      ],
      sms: (p, f) => [
        never(`مسار: مقابلة، الملف ${p.reference}.`),
        never(`${f.dateTime(p.at)}.`),
        shorten(`المكان: ${p.place}.`),
        drop('أحضر وثيقة هويتك.'),
      ],
    },
    'decision.notified': {
      subject: () => 'قرار بشأن ملفك',
      body: (p, f) =>
        p.outcome === 'favourable'
          ? [`اتخذنا قرارا بشأن ملفك ${p.reference}.`, 'الجواب نعم. طلبك مقبول.', 'سنخبرك عندما تكون بطاقتك جاهزة.']
          : [
              `اتخذنا قرارا بشأن ملفك ${p.reference}.`,
              'الجواب لا. طلبك مرفوض.',
              'الأسباب:',
              { list: p.reasons ?? [] },
              ...(p.final || !p.appealDeadline
                ? ['هذا القرار نهائي.']
                : ['يمكنك الطعن في هذا القرار.', `آخر أجل للطعن: ${f.day(p.appealDeadline)}.`, 'للطعن، اذهب إلى مكتب الأجانب مع رقم ملفك.']),
            ],
      sms: (p, f) =>
        p.outcome === 'favourable'
          ? [never(`مسار: الملف ${p.reference}.`), never('طلبك مقبول.'), drop('سنخبرك عندما تكون بطاقتك جاهزة.')]
          : [
              never(`مسار: الملف ${p.reference}.`),
              never('طلبك مرفوض.'),
              ...(p.final || !p.appealDeadline ? [never('هذا القرار نهائي.')] : [never(`يمكنك الطعن حتى ${f.day(p.appealDeadline)}.`)]),
              drop('الأسباب في رسالة القرار.'),
            ],
    },
    'card.ready': {
      subject: () => 'بطاقتك جاهزة',
      body: (p, f) => [
        'بطاقة إقامتك جاهزة.',
        p.place ? `يمكنك أن تأخذها من: ${p.place}.` : 'يمكنك أن تأخذها من مكتب الأجانب.',
        ...(p.collectFrom ? [`ابتداء من ${f.day(p.collectFrom)}.`] : []),
        `أحضر وثيقة هويتك ورقم ملفك: ${p.reference}.`,
      ],
      sms: (p, f) => [
        never(`مسار: بطاقتك جاهزة. الملف ${p.reference}.`),
        ...(p.collectFrom ? [never(`ابتداء من ${f.day(p.collectFrom)}.`)] : []),
        p.place ? shorten(`خذها من: ${p.place}.`) : never('خذها من مكتب الأجانب.'),
      ],
    },
    'renewal.reminder': {
      subject: (p, f) => `تنتهي بطاقتك يوم ${f.day(p.expiresOn)}`,
      body: (p, f) => [
        `تنتهي بطاقة إقامتك يوم ${f.day(p.expiresOn)}.`,
        `بقي ${p.daysBefore} يوما.`,
        'اطلب التجديد الآن.',
        `رقم ملفك: ${p.reference}.`,
      ],
      sms: (p, f) => [never(`مسار: تنتهي بطاقتك يوم ${f.day(p.expiresOn)}.`), never('اطلب التجديد الآن.'), never(`الملف ${p.reference}.`)],
    },
    'deadline.warning': {
      subject: (p, f) => `تذكير: آخر أجل ${f.day(p.dueDate)}`,
      body: (p, f) =>
        p.deadline === 'documents'
          ? [`تذكير بخصوص ملفك ${p.reference}.`, 'ما زلنا ننتظر وثائقك.', `آخر أجل: ${f.day(p.dueDate)}.`]
          : [`تذكير بخصوص ملفك ${p.reference}.`, `إذا أردت الطعن، آخر أجل هو ${f.day(p.dueDate)}.`],
      sms: (p, f) => [
        never(`مسار: الملف ${p.reference}.`),
        p.deadline === 'documents' ? never('ما زلنا ننتظر وثائقك.') : never('آخر أجل للطعن:'),
        never(p.deadline === 'documents' ? `آخر أجل: ${f.day(p.dueDate)}.` : `${f.day(p.dueDate)}.`),
      ],
    },
    'file.updated': {
      subject: () => 'جديد بخصوص ملفك',
      body: (p) => [fileChange(p), `رقم ملفك: ${p.reference}.`],
      sms: (p) => [never(`مسار: الملف ${p.reference}.`), p.change === 'file_transferred' ? shorten(fileChange(p)) : never(fileChange(p))],
    },
  },
};

/** One plain sentence per step of a file (event 'file.updated'). */
function fileChange(p: ParamsOf<'file.updated'>): string {
  switch (p.change) {
    case 'documents_complete':
      return 'لدينا كل الوثائق اللازمة. ندرس الآن ملفك.';
    case 'appeal_received':
      return 'استلمنا طعنك. سنخبرك بالقرار.';
    case 'file_transferred':
      return p.place ? `نُقل ملفك إلى مكتب آخر: ${p.place}.` : 'نُقل ملفك إلى مكتب آخر للأجانب.';
    case 'file_withdrawn':
      return 'سُحب طلبك كما طلبت.';
    case 'file_closed':
      return 'ملفك مغلق الآن.';
    case 'file_reopened':
      return 'فُتح ملفك من جديد. سنخبرك بما سيحدث بعد ذلك.';
    case 'card_lapsed':
      return 'انتهت بطاقة إقامتك ولم تُجدَّد.';
  }
}
