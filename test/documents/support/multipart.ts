/** A multipart/form-data body with one part named `file`, as a browser would send it. */
export async function multipartBody(
  bytes: Buffer,
  fileName: string,
  declaredType = 'application/octet-stream',
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: declaredType }), fileName);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}
