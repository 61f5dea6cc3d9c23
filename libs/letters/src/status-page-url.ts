/**
 * The address the receipt's QR code opens: the public status page with the reference filled in. The access code is
 * never part of it: a URL ends up in browser history, proxy logs and photos of the receipt's QR code, and the code
 * is the one secret that stands between a stranger and the file.
 */
export function statusPageUrl(publicBaseUrl: string, reference: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/status?ref=${encodeURIComponent(reference)}`;
}
