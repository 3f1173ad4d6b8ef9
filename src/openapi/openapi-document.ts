import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { RESPONSE_SCHEMAS } from './response-schemas.generated';
import { applyResponseSchemas, type ResponseSchemas } from './response-schemas';

/**
 * The OpenAPI document (`/api/docs/openapi.json`): requests from the DTOs' decorators, responses
 * from the handlers' return types (generated, see `response-schemas.generator.ts`).
 */
export function createOpenApiDocument(
  app: INestApplication,
  responses: ResponseSchemas = RESPONSE_SCHEMAS,
): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TradeMatch API')
      .setDescription(
        'Cross-border trade matching: accounts, companies, delegations, matchmaking sessions, ' +
          'scoring, scheduling and live rooms. Every time is an ISO 8601 instant in UTC.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  applyResponseSchemas(document, responses);
  return document;
}
