import { createTestApp, type TestApp } from '@masar/testing';

type Operation = { responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string; format?: string; items?: { $ref?: string } } }> }> };

/**
 * The web client is generated from the OpenAPI document: a route whose answer is not described there is typed as
 * unknown on the web side. These routes (letters, documents, notifications, health) describe theirs: JSON as a
 * named schema, files as binary, and an empty answer as such.
 */
describe('response schemas in the OpenAPI document', () => {
  let t: TestApp;
  let docs: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };

  beforeAll(async () => {
    t = await createTestApp();
    docs = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  const op = (path: string, method: string) => {
    const o = docs.paths[path]?.[method];
    if (!o) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return o;
  };
  const json = (path: string, method: string, status: string) => op(path, method).responses[status]?.content?.['application/json']?.schema;

  it.each([
    ['/applications/{applicationId}/letters', 'get', '200', 'IssuedLetterDto', true],
    ['/applications/{applicationId}/documents', 'get', '200', 'ChecklistDto', false],
    ['/applications/{applicationId}/documents', 'post', '201', 'UploadedDocumentDto', false],
    ['/documents/{documentId}/review', 'post', '200', 'DocumentReviewResultDto', false],
    ['/admin/notifications/dead-letters', 'get', '200', 'DeadLetterListDto', false],
    ['/admin/notifications/dead-letters/{id}/retry', 'post', '202', 'DeadLetterRetryDto', false],
    ['/me/notifications', 'get', '200', 'InboxPageDto', false],
    ['/health/live', 'get', '200', 'LivenessDto', false],
    ['/health/ready', 'get', '200', 'ReadinessDto', false],
    ['/health/ready', 'get', '503', 'ReadinessDto', false],
  ])('%s %s answers %s with %s', (path, method, status, dto, array) => {
    const schema = json(path, method, status);
    expect(array ? schema?.items?.$ref : schema?.$ref).toBe(`#/components/schemas/${dto}`);
    expect(Object.keys(docs.components.schemas[dto]!.properties).length).toBeGreaterThan(0);
  });

  it.each([
    ['/letters/{letterId}/content', 'get', ['application/pdf']],
    ['/applications/{applicationId}/receipt', 'post', ['application/pdf']],
    ['/documents/{documentId}/content', 'get', ['application/pdf', 'image/jpeg', 'image/png', 'image/webp']],
  ])('%s %s answers bytes (%s)', (path, method, types) => {
    const content = op(path, method).responses['200']!.content!;
    expect(Object.keys(content).sort()).toEqual([...types].sort());
    for (const t of types) expect(content[t]!.schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('describes the empty answer of marking a message read', () => {
    expect(op('/me/notifications/{id}/read', 'post').responses['204']).toBeDefined();
  });

  it('describes what the health routes really answer', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(Object.keys(live.json()).sort()).toEqual(Object.keys(docs.components.schemas.LivenessDto!.properties).sort());
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    const body = ready.json();
    const declared = Object.keys(docs.components.schemas.ReadinessDto!.properties);
    for (const key of Object.keys(body)) expect(declared).toContain(key);
    expect(body.details.database).toMatchObject({ status: 'up' });
    expect(body.details.queue).toMatchObject({ status: 'up' });
    expect(Object.keys(docs.components.schemas.DependencyStatusDto!.properties)).toEqual(expect.arrayContaining(Object.keys(body.details.database)));
  });
});
