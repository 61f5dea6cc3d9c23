import type { Language } from '../language';

/** Every fixed text of the receipt, in the four languages. `{date}` is replaced by a formatted date. */
export interface ReceiptLabels {
  title: string;
  reference: string;
  accessCode: string;
  accessCodeWithheld: string;
  office: string;
  application: string;
  submittedOn: string;
  documentsReceived: string;
  documentsMissing: string;
  missingBy: string;
  noneMissing: string;
  noneReceived: string;
  proof: string;
  keepSafe: string;
  qrCaption: string;
  orVisit: string;
}

export const RECEIPT_LABELS: Readonly<Record<Language, ReceiptLabels>> = {
  ar: {
    title: 'وصل إيداع الطلب',
    reference: 'مرجع الملف',
    accessCode: 'رمز الولوج',
    accessCodeWithheld: 'مطبوع فقط على الوصل الذي سُلّم لك في الشباك؛ لا يحتفظ به المكتب.',
    office: 'المكتب',
    application: 'نوع الطلب',
    submittedOn: 'تاريخ الإيداع',
    documentsReceived: 'الوثائق المستلمة',
    documentsMissing: 'الوثائق الناقصة',
    missingBy: 'يرجى إحضارها أو تحميلها في أجل أقصاه {date}.',
    noneMissing: 'لا توجد وثائق ناقصة حاليا.',
    noneReceived: 'لا شيء',
    proof: 'يثبت هذا الوصل أن طلبك قد استُلم في التاريخ المذكور أعلاه.',
    keepSafe:
      'احتفظ بهذا الوصل. رمز الولوج خاص بك وحدك: مع مرجع الملف يفتح ملفك. لن يطلبه منك أي موظف عبر الهاتف أو في رسالة.',
    qrCaption: 'امسح هذا الرمز لفتح صفحة متابعة الملف والمرجع مكتوب فيها، ثم اكتب رمز الولوج.',
    orVisit: 'أو زر العنوان:',
  },
  fr: {
    title: 'Récépissé de dépôt de votre demande',
    reference: 'Référence du dossier',
    accessCode: "Code d’accès",
    accessCodeWithheld: 'Imprimé seulement sur le récépissé remis au guichet ; le bureau ne le conserve pas.',
    office: 'Bureau',
    application: 'Demande',
    submittedOn: 'Date de dépôt',
    documentsReceived: 'Documents reçus',
    documentsMissing: 'Documents manquants',
    missingBy: 'À apporter ou à déposer en ligne au plus tard le {date}.',
    noneMissing: "Aucun document ne manque pour l’instant.",
    noneReceived: 'Aucun',
    proof: 'Ce récépissé atteste que votre demande a été reçue à la date indiquée ci-dessus.',
    keepSafe:
      "Conservez ce récépissé. Le code d’accès est personnel : avec la référence, il ouvre votre dossier. Aucun agent ne vous le demandera par téléphone ou par message.",
    qrCaption: "Scannez ce code pour ouvrir la page de suivi avec votre référence déjà saisie, puis tapez votre code d’accès.",
    orVisit: 'Ou rendez-vous sur :',
  },
  en: {
    title: 'Receipt for your application',
    reference: 'File reference',
    accessCode: 'Access code',
    accessCodeWithheld: 'Printed only on the receipt handed to you at the counter; the office does not keep it.',
    office: 'Office',
    application: 'Application',
    submittedOn: 'Submitted on',
    documentsReceived: 'Documents received',
    documentsMissing: 'Documents still missing',
    missingBy: 'Bring them or upload them by {date}.',
    noneMissing: 'Nothing is missing for now.',
    noneReceived: 'None',
    proof: 'This receipt proves that your application was received on the date above.',
    keepSafe:
      'Keep this receipt. The access code is yours alone: together with the reference it opens your file. No member of staff will ever ask you for it by phone or message.',
    qrCaption: 'Scan this code to open the status page with your reference filled in, then type your access code.',
    orVisit: 'Or go to:',
  },
  es: {
    title: 'Resguardo de presentación de su solicitud',
    reference: 'Referencia del expediente',
    accessCode: 'Código de acceso',
    accessCodeWithheld: 'Impreso solo en el resguardo entregado en la ventanilla; la oficina no lo conserva.',
    office: 'Oficina',
    application: 'Solicitud',
    submittedOn: 'Fecha de presentación',
    documentsReceived: 'Documentos recibidos',
    documentsMissing: 'Documentos que faltan',
    missingBy: 'Tráigalos o súbalos a más tardar el {date}.',
    noneMissing: 'Por ahora no falta ningún documento.',
    noneReceived: 'Ninguno',
    proof: 'Este resguardo acredita que su solicitud se recibió en la fecha indicada arriba.',
    keepSafe:
      'Conserve este resguardo. El código de acceso es personal: junto con la referencia, abre su expediente. Ningún empleado se lo pedirá por teléfono ni por mensaje.',
    qrCaption: 'Escanee este código para abrir la página de estado con su referencia ya escrita; después escriba su código de acceso.',
    orVisit: 'O visite:',
  },
};
