/** The parts of the app's OpenAPI document (`/api/docs/openapi.json`) the fuzz suites read. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** A schema with its `$ref` followed (to `#/components/schemas/...`). */
export function resolveSchema(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  const target = document.components.schemas[name];
  if (!target) throw new Error(`OpenAPI: ${schema.$ref} names no schema`);
  return resolveSchema(document, target);
}

/** The JSON body schema of an operation, resolved; undefined when it takes no JSON body. */
export function jsonBodySchema(
  document: OpenApiDocument,
  operation: OpenApiOperation,
): OpenApiSchema | undefined {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema ? resolveSchema(document, schema) : undefined;
}

/**
 * A body built from a schema's own examples (or the first of an enum, or a default): every
 * required property, and the optional ones that have an example. Suites override what the
 * examples cannot know (real ids, unique e-mails, a window in the future).
 */
export function exampleOf(document: OpenApiDocument, given: OpenApiSchema): unknown {
  const schema = resolveSchema(document, given);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const resolved = resolveSchema(document, property);
      // An optional enum (a PATCH's `status`) would be a change of its own: only examples go in.
      if (required.has(name) || resolved.example !== undefined) {
        body[name] = exampleOf(document, property);
      }
    }
    return body;
  }
  if (schema.type === 'array') return schema.items ? [exampleOf(document, schema.items)] : [];
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return false;
  return 'text';
}

/** A field of a body: its path (`availability[0].from`) as keys. */
export type FieldPath = (string | number)[];

export function formatPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

/**
 * Every field of a schema, nested objects and the first item of arrays included, together with
 * every field of a valid body (so fields the document leaves out, such as a DTO nested without
 * its properties declared, are still reached).
 */
export function fieldPaths(
  document: OpenApiDocument,
  schema: OpenApiSchema | undefined,
  body: unknown,
  parent: FieldPath = [],
  depth = 0,
): FieldPath[] {
  if (depth > 6) return [];
  const resolved = schema ? resolveSchema(document, schema) : undefined;
  const found = new Map<string, FieldPath>();
  const add = (paths: FieldPath[]) => {
    for (const path of paths) found.set(formatPath(path), path);
  };
  const bodyObject =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  if (resolved?.properties || bodyObject) {
    const names = new Set([
      ...Object.keys(resolved?.properties ?? {}),
      ...Object.keys(bodyObject ?? {}),
    ]);
    for (const name of names) {
      const path = [...parent, name];
      add([path]);
      add(fieldPaths(document, resolved?.properties?.[name], bodyObject?.[name], path, depth + 1));
    }
  } else if (resolved?.type === 'array' || Array.isArray(body)) {
    const first = Array.isArray(body) ? (body as unknown[])[0] : undefined;
    if (resolved?.items || first !== undefined) {
      const path = [...parent, 0];
      add([path]);
      add(fieldPaths(document, resolved?.items, first, path, depth + 1));
    }
  }
  return [...found.values()];
}

/** Marks where `withField` puts a raw JSON text (so that `-0` and lone surrogates go out as given). */
const MARK = '\u0001fuzz-value\u0001';

/**
 * The JSON text of `body` with the field at `path` set to `rawJson` (JSON text, sent as is), or
 * removed when `rawJson` is undefined. Missing parents are created.
 */
export function withField(body: unknown, path: FieldPath, rawJson: string | undefined): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (rawJson === undefined) {
        if (Array.isArray(node) && typeof key === 'number') node.splice(key, 1);
        else delete node[key];
      } else node[key] = MARK;
      break;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) {
      node[key] = typeof path[index + 1] === 'number' ? [] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  }
  const text = JSON.stringify(copy);
  return rawJson === undefined ? text : text.replace(JSON.stringify(MARK), () => rawJson);
}
