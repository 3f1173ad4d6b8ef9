/**
 * Reads every route handler's return type with the TypeScript compiler and writes it down as a
 * JSON schema, so that the OpenAPI document declares what each route answers without a second
 * declaration: the types the handlers return (`live.wire.ts`, the `*.view.ts` files, the views
 * services declare) stay the only place a response is written. Interfaces become named schemas
 * (`#/components/schemas/WireCompany`); anonymous and generic types are written in place; an
 * entity a handler returns as it is answers its columns. Build tooling, run by
 * `npm run api:generate` (`generate-api.ts`): the API process never runs it.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ResponseSchemas, Schema } from './response-schemas';

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
/** TypeORM's decorators of a column (a relation, even with `@JoinColumn`, is not one). */
const COLUMNS = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
]);
/** Named schemas whose name on the wire differs from the TypeScript one. */
const RENAMES: Record<string, string> = { WireError: 'ErrorResponse' };
/** Declared for every route's 4xx answers though no handler returns it. */
const EXTRA_TYPES = [{ file: 'live/live.wire.ts', name: 'WireError' }];

function decoratorName(decorator: ts.Decorator): string | undefined {
  const call = decorator.expression;
  if (ts.isCallExpression(call) && ts.isIdentifier(call.expression)) return call.expression.text;
  return undefined;
}

function decoratorsOf(node: ts.Node): string[] {
  return ts.canHaveDecorators(node)
    ? (ts.getDecorators(node) ?? []).flatMap((d) => decoratorName(d) ?? [])
    : [];
}

/** The content types an `@ApiProduces('text/calendar')` on a handler names. */
function producesOf(node: ts.Node): string[] | undefined {
  if (!ts.canHaveDecorators(node)) return undefined;
  for (const decorator of ts.getDecorators(node) ?? []) {
    if (decoratorName(decorator) !== 'ApiProduces') continue;
    const call = decorator.expression as ts.CallExpression;
    return call.arguments.filter(ts.isStringLiteral).map((argument) => argument.text);
  }
  return undefined;
}

class SchemaWriter {
  readonly schemas: Record<string, Schema> = {};
  private readonly origins = new Map<string, ts.Symbol>();
  /** Where the writer is (`get > company > members`), for errors. */
  readonly trail: string[] = [];

  constructor(private readonly checker: ts.TypeChecker) {}

  write(type: ts.Type, depth = 0): Schema {
    if (depth > 20) throw new Error(`type too deep at ${this.trail.join(' > ')}`);
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.String) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (flags & ts.TypeFlags.StringLiteral) {
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    }
    if (flags & ts.TypeFlags.NumberLiteral) {
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    }
    if (flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean' };
    if (flags & ts.TypeFlags.NonPrimitive) return { type: 'object', additionalProperties: {} };
    if (type.isUnion()) return this.union(type, depth);
    const named = this.named(type);
    if (named) return named;
    return this.object(type, depth);
  }

  private union(type: ts.UnionType, depth: number): Schema {
    const members = type.types.filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
    );
    const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
    let schema: Schema;
    if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) schema = { type: 'boolean' };
    else if (rest.every((t) => t.isStringLiteral())) {
      schema = { type: 'string', enum: rest.map((t) => t.value) };
    } else if (rest.every((t) => t.isNumberLiteral())) {
      schema = { type: 'number', enum: rest.map((t) => t.value) };
    } else if (rest.length === 1) schema = this.write(rest[0], depth + 1);
    else schema = { oneOf: rest.map((t) => this.write(t, depth + 1)) };
    if (!nullable) return schema;
    // OpenAPI 3.0 has no null type: a $ref cannot carry `nullable` beside it, so it is wrapped.
    return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }

  /** An interface declared in the code base (not a generic instance): a shared, named schema. */
  private named(type: ts.Type): Schema | undefined {
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) {
      return undefined;
    }
    if ((type as ts.TypeReference).typeArguments?.length) return undefined;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile().isDeclarationFile) return undefined;
    const name = RENAMES[symbol.name] ?? symbol.name;
    const known = this.origins.get(name);
    if (known && known !== symbol) throw new Error(`two response types are named ${name}`);
    if (!known) {
      this.origins.set(name, symbol);
      this.schemas[name] = {}; // placed first, so that a type referring to itself ends
      this.schemas[name] = this.object(type, 0, symbol);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private object(type: ts.Type, depth: number, symbol?: ts.Symbol): Schema {
    if (this.checker.isArrayType(type)) {
      const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: this.write(item, depth + 1) };
    }
    if (this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference);
      const schemas = items.map((t) => this.write(t, depth + 1));
      const same = schemas.every((s) => JSON.stringify(s) === JSON.stringify(schemas[0]));
      return {
        type: 'array',
        items: same ? schemas[0] : { oneOf: schemas },
        minItems: items.length,
        maxItems: items.length,
      };
    }
    if (type.getSymbol()?.name === 'Date') return { type: 'string', format: 'date-time' };
    const schema: Schema = { type: 'object' };
    const description =
      symbol && ts.displayPartsToString(symbol.getDocumentationComment(this.checker));
    if (description) schema.description = description;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    const entity = symbol?.declarations?.some((d) => decoratorsOf(d).includes('Entity'));
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (property.flags & ts.SymbolFlags.Method) continue;
      // An entity sent as it is answers its columns: relations are not loaded.
      if (entity && !(declaration && decoratorsOf(declaration).some((d) => COLUMNS.has(d)))) {
        continue;
      }
      const propertyType = declaration
        ? this.checker.getTypeOfSymbolAtLocation(property, declaration)
        : this.checker.getTypeOfSymbol(property);
      this.trail.push(property.name);
      const written = this.write(propertyType, depth + 1);
      this.trail.pop();
      const text = ts.displayPartsToString(property.getDocumentationComment(this.checker));
      properties[property.name] =
        text && !written.$ref ? { ...written, description: text } : written;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index) schema.additionalProperties = this.write(index.type, depth + 1);
    return schema;
  }
}

/** The response schema of every handler of every controller under `srcDir`. */
export function generateResponseSchemas(srcDir: string): ResponseSchemas {
  const configPath = path.join(srcDir, '..', 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const operations: ResponseSchemas['operations'] = {};

  const files = program
    .getSourceFiles()
    .filter((file) => file.fileName.endsWith('.controller.ts') && !file.isDeclarationFile)
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      if (!decoratorsOf(statement).includes('Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (!decoratorsOf(member).some((name) => HTTP_METHODS.has(name))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const declared = checker.getReturnTypeOfSignature(signature);
        const returned = checker.getAwaitedType(declared) ?? declared;
        const operationId = `${statement.name.text}_${member.name.text}`;
        writer.trail.splice(0, writer.trail.length, operationId);
        const produces = producesOf(member);
        operations[operationId] = {
          ...responseOf(writer, returned),
          ...(produces ? { produces } : {}),
        };
      }
    }
  }
  for (const extra of EXTRA_TYPES) {
    const file = program.getSourceFile(path.join(srcDir, extra.file));
    const symbol = file && checker.getSymbolAtLocation(file);
    const exported =
      symbol && checker.getExportsOfModule(symbol).find((s) => s.name === extra.name);
    if (!exported) throw new Error(`${extra.name} is not exported from ${extra.file}`);
    writer.write(checker.getDeclaredTypeOfSymbol(exported));
  }
  const schemas = Object.fromEntries(
    Object.keys(writer.schemas)
      .sort()
      .map((name) => [name, writer.schemas[name]]),
  );
  return { operations, schemas };
}

/**
 * A handler that answers nothing is a 204; one that returns a string sends text (a calendar or
 * CSV file, its content type set by the handler); one that returns JSON or text (a report with
 * `?format=csv`) has the JSON part as its schema.
 */
function responseOf(writer: SchemaWriter, type: ts.Type): ResponseSchemas['operations'][string] {
  if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return { body: 'none' };
  if (type.flags & ts.TypeFlags.String) return { body: 'text' };
  if (type.isUnion()) {
    const json = type.types.filter((t) => !(t.flags & ts.TypeFlags.String));
    if (json.length < type.types.length && json.length === 1) {
      return { body: 'json-or-text', schema: writer.write(json[0]) };
    }
  }
  return { body: 'json', schema: writer.write(type) };
}
