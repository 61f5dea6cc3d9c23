import type { OpenAPIObject } from '@nestjs/swagger';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, testConfig, type TestDatabase } from '@masar/testing';

/**
 * Every operation of the API's OpenAPI document says what it answers on success, so the web's generated types
 * (apps/web/src/api/schema.d.ts) describe every response and an API change that breaks a screen fails its build.
 * The document is built as `npm run openapi:web` builds it: the API module booted, GET /docs-json.
 *
 * A 2xx answer is either 204 with no body, or content whose every media type has a schema. JSON is described by a
 * schema that names its fields (no bare `{ type: 'object' }` anywhere under it). Other media types are downloads,
 * allowed only for the operations listed in DOWNLOADS, as strings (the bytes or the text).
 */

/** Operations whose success answer may be something other than JSON, and the media types each may answer with. */
const DOWNLOADS: Record<string, string[]> = {
  'POST /applications/{applicationId}/receipt': ['application/pdf'],
  'GET /letters/{letterId}/content': ['application/pdf'],
  'GET /documents/{documentId}/content': ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  'GET /reports/files': ['text/csv'],
  'GET /reports/overdue': ['text/csv'],
  'GET /reports/grant-rates': ['text/csv'],
  'GET /reports/processing-times': ['text/csv'],
  'GET /intake/batches/{batchId}/errors': ['text/csv'],
  'POST /intake/batches/{batchId}/receipts': ['text/csv'],
  'GET /workflows/{kind}': ['text/plain'],
};

/**
 * JSON nodes left loosely described on purpose, by schema path. The data export's person records gather what
 * several contexts hold (cases, documents, letters, notifications); the route is a download the web saves as a
 * file without reading it.
 */
const LOOSE_JSON = new Set(['DataExportDto.persons[]']);

type Schema = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: OpenAPIObject): { key: string; responses: Record<string, any> }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Schema)[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, responses: (item as Schema)[m].responses ?? {} })),
  );
}

/** Where a JSON schema fails to describe its data: unresolved references and bare objects, with their paths. */
function vagueNodes(doc: OpenAPIObject, schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name] as Schema | undefined;
    if (!target) return [`${at}: ${schema.$ref} does not resolve`];
    if (seen.has(name)) return [];
    seen.add(name);
    return vagueNodes(doc, target, name, seen);
  }
  const found: string[] = [];
  const composed = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (schema[k] ?? []) as Schema[]);
  composed.forEach((s, i) => found.push(...vagueNodes(doc, s, `${at}<${i}>`, seen)));
  const bare = !composed.length && !schema.enum && (schema.type === undefined || (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties !== 'object'));
  if (bare && !LOOSE_JSON.has(at)) found.push(`${at}: ${JSON.stringify(schema)} names no field`);
  if (schema.type === 'array') found.push(...vagueNodes(doc, schema.items, `${at}[]`, seen));
  for (const [name, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) found.push(...vagueNodes(doc, s, `${at}.${name}`, seen));
  if (typeof schema.additionalProperties === 'object') found.push(...vagueNodes(doc, schema.additionalProperties, `${at}{}`, seen));
  return found;
}

/** What is wrong with one operation's success answers; empty when they are described. */
function successProblems(doc: OpenAPIObject, key: string, responses: Record<string, any>): string[] {
  const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
  if (!success.length) return [`${key}: no 2xx response`];
  return success.flatMap(([status, response]) => {
    const content = Object.entries((response.content ?? {}) as Record<string, { schema?: Schema }>);
    if (status === '204') return content.length ? [`${key} 204: a 204 has no body, yet content is declared`] : [];
    if (!content.length) return [`${key} ${status}: no response schema`];
    return content.flatMap(([type, media]) => {
      if (/^application\/([a-z.-]+\+)?json$/.test(type)) return vagueNodes(doc, media.schema, `${key} ${status} ${type}`);
      if (!DOWNLOADS[key]?.includes(type)) return [`${key} ${status}: ${type} is not a listed download`];
      return media.schema?.type === 'string' ? [] : [`${key} ${status} ${type}: a download's schema is a string`];
    });
  });
}

describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    db = await createTestDatabase();
    const app = await createApiApp(testConfig(db.url, 'postgres'));
    try {
      await app.init();
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
      expect(res.statusCode).toBe(200);
      doc = JSON.parse(res.body) as OpenAPIObject;
    } finally {
      await app.close();
    }
  });
  afterAll(() => db?.drop());

  it('describes the success answer of every operation', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(60);
    expect(ops.flatMap((op) => successProblems(doc, op.key, op.responses))).toEqual([]);
  });

  it('lists as downloads only operations that exist and answer with those media types', () => {
    const declared = new Map(operations(doc).map((op) => [op.key, op.responses]));
    const stale = Object.entries(DOWNLOADS).flatMap(([key, types]) => {
      const responses = declared.get(key);
      if (!responses) return [`${key}: no such operation`];
      const offered = Object.entries(responses)
        .filter(([status]) => /^2\d\d$/.test(status))
        .flatMap(([, r]) => Object.keys((r as Schema).content ?? {}));
      return types.filter((t) => !offered.includes(t)).map((t) => `${key}: does not answer ${t}`);
    });
    expect(stale).toEqual([]);
  });

  it('finds an operation without a response schema, and a JSON answer that names no field', () => {
    const bare = { paths: { '/x': { get: { responses: { 200: { description: '' } } } } }, components: { schemas: {} } } as unknown as OpenAPIObject;
    expect(successProblems(bare, 'GET /x', { 200: { description: '' } })).toEqual(['GET /x 200: no response schema']);
    const vague = { 200: { description: '', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } };
    expect(successProblems(bare, 'GET /x', vague)).toEqual(['GET /x 200 application/json[]: {"type":"object"} names no field']);
    const csv = { 200: { description: '', content: { 'text/csv': { schema: { type: 'string' } } } } };
    expect(successProblems(bare, 'GET /x', csv)).toEqual(['GET /x 200: text/csv is not a listed download']);
  });
});
