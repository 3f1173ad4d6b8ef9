import type { OpenAPIObject } from '@nestjs/swagger';

/** A JSON schema as OpenAPI 3.0 writes it (the subset the generator emits). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: (string | number)[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  oneOf?: Schema[];
  allOf?: Schema[];
}

/**
 * What each route answers, by operation id (`CompaniesController_get`), and the named schemas
 * those answers refer to; written by `npm run api:generate` from the handlers' return types.
 */
export interface ResponseSchemas {
  operations: Record<
    string,
    ({ body: 'none' | 'text' } | { body: 'json' | 'json-or-text'; schema: Schema }) & {
      /** The content types `@ApiProduces` names; JSON when it is absent. */
      produces?: string[];
    }
  >;
  schemas: Record<string, Schema>;
}

const ERROR_RESPONSE = {
  description: 'The error shape of every failure: status, code and, for a 400, every bad field',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
};

/**
 * Puts the generated response schemas into a document Nest built from the controllers: the
 * 2xx answer Nest declared (its status from `@HttpCode`) gets the content types `@ApiProduces` names
 * with the schema (a string for text types), and every route gets the shared error shape for 4xx.
 */
export function applyResponseSchemas(document: OpenAPIObject, generated: ResponseSchemas): void {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  // The swagger build plugin already wrote a schema for a handler that returns an entity class
  // (with its relations): the generated one, of the columns that are sent, replaces it.
  Object.assign(schemas, generated.schemas);
  for (const [route, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const answer = generated.operations[operation.operationId ?? ''];
      if (!answer) {
        throw new Error(
          `OpenAPI: ${method} ${route} has no generated response: npm run api:generate`,
        );
      }
      const statuses = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
      for (const status of statuses) {
        const response = operation.responses[status] as {
          content?: Record<string, { schema?: unknown }>;
        };
        if (answer.body === 'none') {
          delete response.content;
          continue;
        }
        const json = 'schema' in answer ? answer.schema : { type: 'string' };
        const content: Record<string, { schema: Schema }> = {};
        for (const type of answer.produces ?? ['application/json']) {
          content[type] = {
            schema: type.startsWith('text/') ? { type: 'string' } : json,
          };
        }
        response.content = content;
      }
      operation.responses['4XX'] = ERROR_RESPONSE;
    }
  }
  // Left over from the plugin's guesses (an entity's relations): schemas no route refers to.
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit(document.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
