import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { AppError } from './common/app-error';
import { acceptsForm, acceptsText, FORM_TYPES } from './common/accepts-text';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { createOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web-app';

/** JSON bodies are small; CSV imports may be larger. */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const CSV_BODY_LIMIT = 5 * 1024 * 1024;

const REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * The Content-Security-Policy of the web app and the API: scripts and styles from this origin
 * only (Vite emits no inline ones), the socket.io connection to here, camera previews as blobs,
 * never framed by another site. Helmet adds its other headers (HSTS, nosniff, no referrer, ...).
 */
const STRICT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
  // The API speaks plain HTTP unless a proxy in front adds TLS: upgrading the app's own script
  // requests to https would leave the page blank when opened by address on a LAN.
  upgradeInsecureRequests: null,
};

/** Swagger UI's pages (`/api/docs`, not its JSON document) run inline script and styles. */
const SWAGGER_UI = /^\/api\/docs(\/(?!openapi\.json)|\/?(\?|$))/;
const SWAGGER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: validator.swagger.io",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Reuses a caller's `x-request-id` when sane; the id is the correlation id of logs and 500s. */
function requestId(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  // pino-http reads the id from the raw request, so logs and error bodies quote the same one.
  Object.assign(request, { id });
  return id;
}

/**
 * Builds the API application exactly as production runs it (Fastify, prefix, pipes, filters,
 * CSV parsing, security headers, CORS, OpenAPI); `main.ts` and the e2e tests both use it.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const errors = new HttpExceptionFilter();
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    // Behind N proxies, the client is the address N hops back in X-Forwarded-For (rate limits
    // count it); with none, the header is ignored, so a client cannot pick its own address.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    genReqId: requestId,
    // What Fastify's router refuses before Nest sees the request (a path whose %-escape does
    // not decode) gets the same error shape as everything else.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const body = errors.toBody(error, String(request.id));
      void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(errors);
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  // Multipart forms only reach `@AcceptsForm()` routes, which ignore their content.
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, body),
  ); // Parsers are picked by content type before a route runs, so text (and the form bodies Nest's
  // adapter parses) would reach every route: only JSON does, and text where `@AcceptsText()`
  // says so. Anything else is 415; an HTML form on another site cannot post to the API.
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined || request.body === null) return done();
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const text = type === 'text/csv' || type === 'text/plain';
    if (type === 'application/json' || (text && acceptsText(request.routeOptions.config))) {
      return done();
    }
    if (FORM_TYPES.includes(type) && acceptsForm(request.routeOptions.config)) return done();
    done(
      new AppError(
        'unsupported-media-type',
        'unsupported_media_type',
        text
          ? 'This route takes a JSON body: send it with Content-Type: application/json'
          : `Unsupported Content-Type ${type || '(none)'}: send JSON (application/json)`,
      ),
    );
  });
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives: STRICT_CSP } });
  // Swagger UI alone needs inline script and styles: its pages get the relaxed policy, the rest
  // (the web app, the JSON API) the strict one helmet set as each request came in.
  fastify.addHook('onSend', async (request, reply) => {
    if (SWAGGER_UI.test(request.url)) void reply.header('content-security-policy', SWAGGER_CSP);
  });

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await serveWebApp(app);
  return app;
}
