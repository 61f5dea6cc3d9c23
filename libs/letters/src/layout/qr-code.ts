import * as QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares: sharp at any printer resolution and a few hundred bytes, where an embedded
 * bitmap would blur on a cheap office printer. Error correction M survives a crease or a coffee stain on a receipt
 * that an applicant carries for months. `size` is the side of the code without its quiet zone, in points; the
 * caller leaves four modules of white around it.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const module = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // A hair of overlap so that anti-aliased renderers show no seams between neighbouring modules.
      if (modules.data[row * modules.size + col]) doc.rect(x + col * module, y + row * module, module + 0.05, module + 0.05);
    }
  }
  doc.fill();
  doc.restore();
}
