import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { startWorker } from './support/app';
import { useApi } from './support/client';
import {
  expectErrorShape,
  rawRequest,
  safeEncode,
  type Answer,
  type RawRequest,
} from './support/http';
import { LiveClients, listen } from './support/live';
import { buildWorld, documentedRoutes, type RouteKey, type World } from './support/world';

/**
 * Hostile input against the real API: thousands of malformed and random ids, query strings and
 * bodies sent to every route the app documents, and random messages to every live event. The
 * server must never answer 5xx nor fall over, and every refusal is a 4xx in SPEC.md's error shape.
 * Each run draws a new seed (printed on failure); `FUZZ_SEED=<seed>` replays one.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 120);
const RUNS_PER_EVENT = Number(process.env.FUZZ_RUNS ?? 60);

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const weirdStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    '🙂🙃',
    'ＡＢＣ',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    'true',
    '[]',
    '{}',
  ),
  fc.nat({ max: 20_000 }).map((length) => 'x'.repeat(length)),
  fc.integer().map(String),
  fc.double().map(String),
);

/** JSON values with the odd corners: deep nesting, huge numbers, long strings, prototype keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  weirdStrings,
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    [[[[[[[[[[[]]]]]]]]]]],
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.array(weirdStrings, { maxLength: 5 }),
);

describe('fuzz: hostile input to every route and live event', () => {
  const client = useApi();
  let app: NestFastifyApplication;
  let world: World;
  let document: OpenApiDocument;
  let routes: RouteKey[];
  let tokens: Record<string, string | undefined>;
  let realIds: string[];
  let baseUrl: string;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    app = client.app;
    world = await buildWorld(client, startWorker);
    baseUrl = await listen(app);
    document = (await send({ method: 'GET', url: '/api/docs/openapi.json' }))
      .body as OpenApiDocument;
    routes = documentedRoutes(document);
    tokens = {
      admin: world.admin.accessToken,
      organiser: world.organiser.accessToken,
      owner: world.owner.accessToken,
      stranger: world.stranger.accessToken,
      partner: world.partner.accessToken,
      anonymous: undefined,
      garbage: 'not-a-token',
      forged: `${world.owner.accessToken.slice(0, -4)}AAAA`,
    };
    realIds = [
      world.companyId,
      world.otherCompanyId,
      world.pendingCompanyId,
      world.strangerCompanyId,
      world.sessionId,
      world.requestId,
      world.meetingId,
      world.delegationId,
      world.itemId,
      world.applicationId,
      world.jobId,
      world.owner.user.id,
    ];
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  }, 120_000);

  afterAll(() => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  });

  const send = (options: RawRequest): Promise<Answer> => rawRequest(baseUrl, options);

  it('enumerates the routes from the app itself, and there are many', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/sessions/{id}/matches']),
    );
  });

  /** A path segment: a real id, an id that does not exist, or something that is no id at all. */
  const segment = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...realIds).map(encodeURIComponent) },
      { weight: 2, arbitrary: fc.uuid().map(encodeURIComponent) },
      { weight: 3, arbitrary: weirdStrings.map(safeEncode) },
      // Raw, not encoded at all: broken percent-escapes and the like.
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%c0%af', '%00', '..', '%2e%2e', ';') },
    );

  const queryString = (names: string[]) =>
    fc
      .array(
        fc.tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...(names.length > 0 ? names : ['x'])) },
            { weight: 1, arbitrary: weirdStrings },
          ),
          fc.oneof(weirdStrings, fc.constantFrom(...realIds)),
        ),
        { maxLength: 6 },
      )
      .map((pairs) =>
        pairs.map(([name, value]) => `${safeEncode(name)}=${safeEncode(value)}`).join('&'),
      );

  /** A body: JSON objects with the DTO's own fields set to anything, or anything at all. */
  const body = (fields: string[]) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .dictionary(
            fc.oneof(
              { weight: 5, arbitrary: fc.constantFrom(...(fields.length > 0 ? fields : ['x'])) },
              { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
            ),
            fc.oneof(hostileJson, fc.constantFrom(...realIds)),
            { maxKeys: 8 },
          )
          .map((object) => ({ contentType: 'application/json', payload: JSON.stringify(object) })),
      },
      {
        weight: 2,
        arbitrary: hostileJson.map((value) => ({
          contentType: 'application/json',
          payload: JSON.stringify(value) ?? 'null',
        })),
      },
      {
        weight: 1,
        arbitrary: fc.string({ maxLength: 200 }).map((text) => ({
          contentType: 'application/json',
          payload: text,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          { contentType: 'application/json', payload: '{"__proto__": {"admin": true}}' },
          { contentType: 'application/json', payload: '{"a":' },
          { contentType: 'application/json', payload: '' },
          { contentType: 'application/json; charset=utf-16', payload: '{}' },
          { contentType: 'APPLICATION/JSON', payload: '{}' },
          { contentType: 'text/plain', payload: 'hello' },
          { contentType: 'text/csv', payload: 'a,b\n1,2' },
          { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
          { contentType: 'multipart/form-data; boundary=x', payload: '--x--' },
          { contentType: 'application/xml', payload: '<a/>' },
          { contentType: 'application/octet-stream', payload: Buffer.from([0, 255, 1, 254]) },
          { contentType: '', payload: '{}' },
          { contentType: undefined, payload: '{}' },
        ),
      },
    );

  /** Route keys are read when the tests run, after `beforeAll` has fetched the document. */
  it('never answers 5xx to hostile ids, query strings, bodies and tokens on any route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = document.paths[path][method.toLowerCase()];
      const queryNames = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      const fields = Object.keys(
        (ref ? document.components.schemas[ref.split('/').pop() ?? '']?.properties : {}) ?? {},
      );
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const hasBody = method !== 'GET' && method !== 'DELETE';
      const details = await fc.check(
        fc.asyncProperty(
          fc.array(segment(), { minLength: pathParams.length, maxLength: pathParams.length }),
          queryString(queryNames),
          hasBody ? fc.option(body(fields), { freq: 8 }) : fc.constant(null),
          fc.constantFrom(...Object.keys(tokens)),
          async (segments, query, content, caller) => {
            let index = 0;
            const url =
              path.replace(/\{\w+\}/g, () => segments[index++]) + (query ? `?${query}` : '');
            const answer = await send({
              method,
              url,
              token: tokens[caller],
              contentType: content?.contentType,
              payload: content?.payload,
            });
            expectErrorShape(answer, `${method} ${url} as ${caller}`);
          },
        ),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      if (details.failed) {
        const error = details.errorInstance as Error | undefined;
        failures.push(
          `${route}: ${error?.message.slice(0, 1000)} (seed ${details.seed}, path ${details.counterexamplePath})`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(crashes).toEqual([]);
    expect((await send({ method: 'GET', url: '/api/health' })).status).toBe(200);
  }, 180_000);

  it('refuses oversized bodies with 413 and unknown content types with 415, in the error shape', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    for (const route of routes.filter((key) => /^(POST|PATCH|PUT) /.test(key))) {
      const [method, path] = route.split(' ');
      const url = path.replace(/\{\w+\}/g, world.sessionId);
      const tooLarge = await send({
        method,
        url,
        token: world.admin.accessToken,
        contentType: 'application/json',
        payload: big,
      });
      expectErrorShape(tooLarge, `${route} with 2 MiB of JSON`);
      expect([route, tooLarge.status]).toEqual([route, 413]);

      const xml = await send({
        method,
        url,
        token: world.admin.accessToken,
        contentType: 'application/xml',
        payload: '<company/>',
      });
      expectErrorShape(xml, `${route} with XML`);
      expect([route, xml.status]).toEqual([route, 415]);
    }
  });

  it('refuses a non-JSON body on JSON routes (text/plain, text/csv, form data) with 415', async () => {
    const cases = [
      ['text/plain', 'email=a@b.c'],
      ['text/csv', 'email,password\na@b.c,secret'],
      ['application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
    ];
    for (const [contentType, payload] of cases) {
      for (const url of ['/api/auth/login', '/api/auth/register']) {
        const answer = await send({ method: 'POST', url, contentType, payload });
        expectErrorShape(answer, `${url} with ${contentType}`);
        expect([url, contentType, answer.status]).toEqual([url, contentType, 415]);
      }
    }
  });

  describe('CSV import of hostile files', () => {
    const importCsv = (payload: string | Buffer, contentType = 'text/csv') =>
      send({
        method: 'POST',
        url: '/api/companies/import',
        token: world.organiser.accessToken,
        contentType,
        payload,
      });
    const companyCount = async () =>
      Number(
        (await app.get(DataSource).query<{ n: string }[]>('SELECT count(*) AS n FROM companies'))[0]
          .n,
      );
    const HEADER = 'name,country,city,sectors,languages,timezone,employees';
    const goodRow = (index: number) =>
      `Fuzz Import ${index},CA,Toronto,software,en,America/Toronto,10-49`;

    it.each([
      [
        'binary garbage',
        () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      ],
      [
        'an unbalanced quote',
        () =>
          `${HEADER}\n${goodRow(1)}\n"Unclosed,CA,Toronto,software,en,America/Toronto,10-49\n${goodRow(2)}`,
      ],
      ['a row with too many cells', () => `${HEADER}\n${goodRow(1)}\n${goodRow(2)},extra`],
      [
        '100,000 rows',
        () => [HEADER, ...Array.from({ length: 100_000 }, (_, i) => goodRow(i))].join('\n'),
      ],
      ['a 20 MB file', () => `${HEADER}\n${goodRow(1)}\n${'x'.repeat(20 * 1024 * 1024)}`],
      ['a NUL-laden header', () => `name\u0000,country\n${goodRow(1)}`],
      [
        'a cell of 100 KiB',
        () => `${HEADER}\n${'y'.repeat(100 * 1024)},CA,Toronto,software,en,America/Toronto,10-49`,
      ],
    ])('refuses %s with a clear error, writing nothing', async (_label, make) => {
      const before = await companyCount();
      const answer = await importCsv(make());
      expectErrorShape(answer, 'import');
      expect([400, 413, 415]).toContain(answer.status);
      expect((answer.body as { message: string }).message.length).toBeGreaterThan(10);
      expect(await companyCount()).toBe(before);
    });

    it('survives random CSV-ish text: a 4xx or a per-row report, never a 5xx', async () => {
      const cell = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('"', '""', '"a,b"', '\r', '\n', ';', 'CA', 'en', '10-49', 'Asia/Tokyo'),
      );
      const csv = fc
        .array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 0, maxLength: 6 })
        .map((rows) => [HEADER, ...rows.map((row) => row.join(','))].join('\n'));
      await fc.assert(
        fc.asyncProperty(csv, async (text) => {
          const answer = await importCsv(text);
          expectErrorShape(answer, `import of ${JSON.stringify(text).slice(0, 200)}`);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
    });
  });

  describe('live events', () => {
    const live = new LiveClients();
    let url: string;
    const sockets: Record<string, Socket> = {};

    beforeAll(async () => {
      url = baseUrl;
      // The route fuzz sends the admin's PATCH /users/:id with random bodies and the owner's id,
      // so `{disabled: true}` may have disabled the owner (as an admin may): enable the world's
      // accounts again, or the owner's handshake is refused.
      const callers = ['admin', 'organiser', 'owner', 'partner', 'stranger'] as const;
      await app
        .get(DataSource)
        .query('UPDATE users SET disabled_at = NULL WHERE id = ANY($1)', [
          callers.map((caller) => world[caller].user.id),
        ]);
      for (const caller of callers) {
        sockets[caller] = await live.connected(url, world[caller].accessToken);
      }
    });
    afterAll(() => live.closeAll());

    const payload = () =>
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.dictionary(
            fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom('sessionId', 'meetingId', 'text', 'data') },
              { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
            ),
            fc.oneof(hostileJson, fc.constantFrom(...realIds)),
            { maxKeys: 5 },
          ),
        },
        { weight: 2, arbitrary: hostileJson },
        { weight: 1, arbitrary: fc.constantFrom(undefined, Buffer.from([1, 2, 3]), 42, 'text') },
      );

    /** A socket that still answers: the server neither crashed nor dropped it. */
    const stillAnswers = async (socket: Socket) => {
      const ack = (await socket
        .timeout(5000)
        .emitWithAck('session:join', { sessionId: 'nope' })) as { ok: boolean };
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 400 } });
    };

    it('acknowledges every hostile message to every event with ok or a 4xx in the error shape', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('session:join', 'session:leave', 'announce', 'rtc.signal'),
          fc.constantFrom('admin', 'organiser', 'owner', 'partner', 'stranger'),
          fc.array(payload(), { minLength: 0, maxLength: 3 }),
          async (event, caller, args) => {
            const ack = (await sockets[caller].timeout(5000).emitWithAck(event, ...args)) as {
              ok: boolean;
              error?: unknown;
            };
            const context = `${event} ${JSON.stringify(args)?.slice(0, 300)} as ${caller}`;
            if (ack.ok === true) return;
            expect(ack.ok).toBe(false);
            const error = ack.error as { statusCode: number };
            expectErrorShape({ status: error.statusCode, body: error }, context);
          },
        ),
        { numRuns: RUNS_PER_EVENT * 4, seed: SEED },
      );
      for (const socket of Object.values(sockets)) await stillAnswers(socket);
    }, 120_000);

    it('survives unknown events and messages sent without an acknowledgement', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom('session:join', 'session:leave', 'announce', 'rtc.signal'),
            fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'presence'),
            fc.string({ minLength: 1, maxLength: 30 }),
          ),
          fc.array(payload(), { maxLength: 3 }),
          (event, args) => {
            const reserved = ['connect', 'connect_error', 'disconnect', 'disconnecting'];
            if (![...reserved, 'newListener', 'removeListener'].includes(event)) {
              sockets.owner.emit(event, ...args);
            }
            return Promise.resolve();
          },
        ),
        { numRuns: RUNS_PER_EVENT * 2, seed: SEED },
      );
      for (const socket of Object.values(sockets)) await stillAnswers(socket);
      expect(crashes).toEqual([]);
    });

    it('refuses hostile handshakes (tokens that are numbers, objects, huge or forged)', async () => {
      const hostile: unknown[] = [
        42,
        { token: 'x' },
        ['a'],
        null,
        'x'.repeat(100_000),
        tokens.forged,
        `${world.owner.accessToken} `,
      ];
      for (const token of hostile) {
        const socket = live.connect(url, undefined, { auth: { token } });
        const refused = await new Promise<boolean>((resolve) => {
          socket.once('connect', () => resolve(false));
          socket.once('connect_error', () => resolve(true));
          socket.once('disconnect', () => resolve(true));
        });
        expect([JSON.stringify(token)?.slice(0, 40), refused]).toEqual([
          JSON.stringify(token)?.slice(0, 40),
          true,
        ]);
      }
      await stillAnswers(sockets.owner);
      expect((await send({ method: 'GET', url: '/api/health' })).status).toBe(200);
    });
  });
});
