import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { useApi } from './support/client';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: object;
  additionalProperties?: object;
  items?: object;
  oneOf?: object[];
  allOf?: object[];
  enum?: unknown[];
}
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** Routes that answer a file rather than JSON, with the type each declares. */
const FILES: Record<string, string[]> = {
  'GET /api/delegations/{id}/itinerary.ics': ['text/calendar'],
  'GET /api/sessions/{id}/agenda.ics': ['text/calendar'],
  'GET /api/calendar/agenda.ics': ['text/calendar'],
  'GET /api/sessions/{id}/report': ['application/json', 'text/csv'],
  'GET /api/sessions/{id}/meetings.csv': ['text/csv'],
  'GET /api/companies/import/template.csv': ['text/csv'],
  'GET /api/opportunities/{id}/interest': ['application/json', 'text/csv'],
  'GET /api/seminars/{id}/attendance.csv': ['text/csv'],
  'GET /api/programme/report': ['application/json', 'text/csv'],
};

/** A schema that says something: not the bare `{type: 'object'}` of an undeclared answer. */
function isDeclared(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'object') return Boolean(schema.properties ?? schema.additionalProperties);
  return Boolean(
    schema.$ref ?? schema.type ?? schema.items ?? schema.oneOf ?? schema.allOf ?? schema.enum,
  );
}

describe('the API contract: the OpenAPI document and the files generated from it', () => {
  const client = useApi();

  it('declares a response schema for every route, and the error shape for its 4xx answers', async () => {
    const document = await client.http.get('/api/docs/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, Operation>>;
    const problems: string[] = [];
    let count = 0;
    for (const [route, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${route}`;
        count += 1;
        const statuses = Object.keys(operation.responses).filter((s) => /^2\d\d$/.test(s));
        if (statuses.length !== 1) problems.push(`${name}: 2xx answers ${statuses.join(', ')}`);
        for (const status of statuses) {
          const content = operation.responses[status].content;
          if (status === '204') {
            if (content) problems.push(`${name}: a 204 with content`);
            continue;
          }
          const types = Object.keys(content ?? {}).sort();
          const expected = FILES[name] ?? ['application/json'];
          if (types.join() !== expected.join())
            problems.push(`${name}: ${status} is ${types.join()}`);
          for (const type of types) {
            if (!isDeclared(content?.[type]?.schema)) problems.push(`${name}: no ${type} schema`);
          }
        }
        const error = operation.responses['4XX']?.content?.['application/json']?.schema;
        if (error?.$ref !== '#/components/schemas/ErrorResponse') {
          problems.push(`${name}: 4xx without the error shape`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(40);
    expect(document.body.components.schemas.ErrorResponse.required).toEqual([
      'statusCode',
      'error',
      'message',
    ]);
  });

  it('has generated files that are up to date (the response schemas and web/src/api/schema.ts)', async () => {
    // Runs the build's generator (npm test builds first), as `npm run api:generate` does.
    const root = path.join(__dirname, '..');
    await expect(
      promisify(execFile)(process.execPath, ['dist/openapi/generate-api.js', '--check'], {
        cwd: root,
      }),
    ).resolves.toBeDefined();
  }, 120_000);
});
