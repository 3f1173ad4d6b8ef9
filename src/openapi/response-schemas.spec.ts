import type { OpenAPIObject } from '@nestjs/swagger';
import { applyResponseSchemas, type ResponseSchemas } from './response-schemas';

function documentOf(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'test', version: '1' },
    paths: {
      '/api/things/{id}': {
        get: { operationId: 'ThingsController_get', responses: { '200': { description: '' } } },
        delete: {
          operationId: 'ThingsController_remove',
          responses: { '204': { description: '' } },
        },
      },
      '/api/things/{id}.ics': {
        get: {
          operationId: 'ThingsController_calendar',
          // The swagger plugin's guess, replaced.
          responses: {
            '200': {
              description: '',
              content: { 'text/calendar': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
    components: { schemas: { LeftOver: { type: 'object' }, CreateThingDto: { type: 'object' } } },
  };
}

const generated: ResponseSchemas = {
  operations: {
    ThingsController_get: { body: 'json', schema: { $ref: '#/components/schemas/ThingView' } },
    ThingsController_remove: { body: 'none' },
    ThingsController_calendar: { body: 'text', produces: ['text/calendar'] },
  },
  schemas: {
    ThingView: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    ErrorResponse: { type: 'object', properties: { message: { type: 'string' } } },
  },
};

describe('applyResponseSchemas', () => {
  it('gives each route its answer: a schema, text, or nothing for a 204; and 4xx the error shape', () => {
    const document = documentOf();
    applyResponseSchemas(document, generated);
    const thing = document.paths['/api/things/{id}'];
    expect(thing.get?.responses['200']).toEqual({
      description: '',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingView' } } },
    });
    expect(thing.delete?.responses['204']).toEqual({ description: '' });
    expect(document.paths['/api/things/{id}.ics'].get?.responses['200']).toEqual({
      description: '',
      content: { 'text/calendar': { schema: { type: 'string' } } },
    });
    for (const operation of [thing.get, thing.delete]) {
      expect(operation?.responses['4XX']).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      });
    }
  });

  it('keeps only the schemas a route refers to', () => {
    const document = documentOf();
    (document.paths['/api/things/{id}'].get as { requestBody?: unknown }).requestBody = {
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } },
    };
    applyResponseSchemas(document, generated);
    expect(Object.keys(document.components?.schemas ?? {}).sort()).toEqual([
      'CreateThingDto',
      'ErrorResponse',
      'ThingView',
    ]);
  });

  it('refuses a route the generated schemas do not know: they are stale', () => {
    const document = documentOf();
    const { ThingsController_remove: _removed, ...operations } = generated.operations;
    expect(() => applyResponseSchemas(document, { ...generated, operations })).toThrow(
      /delete \/api\/things\/\{id\} has no generated response: npm run api:generate/,
    );
  });
});
