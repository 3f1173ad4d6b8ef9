import { DataSource } from 'typeorm';
import { startApi } from './support/app';
import { TestClient, useApi } from './support/client';

describe('health, API docs, headers and schema', () => {
  const client = useApi();

  it('GET /api/health reports PostgreSQL and Redis up, without a token', async () => {
    const response = await client.http.get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('GET /api/health answers 503 naming what is down when Redis is unreachable', async () => {
    const broken = await startApi({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const response = await new TestClient(broken).http.get('/api/health').expect(503);
      expect(response.body).toEqual({
        status: 'unavailable',
        checks: { database: 'up', redis: 'down' },
      });
    } finally {
      await broken.close();
    }
  });

  it('serves Swagger UI at /api/docs and an OpenAPI document with every route', async () => {
    const page = await client.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    const document = await client.http.get('/api/docs/openapi.json').expect(200);
    const paths = Object.keys(document.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/login',
        '/api/auth/me',
        '/api/users',
        '/api/taxonomy',
        '/api/companies',
        '/api/companies/import',
        '/api/companies/{id}',
        '/api/companies/{id}/verification',
        '/api/health',
        '/api/jobs/{id}',
      ]),
    );
    const schema = document.body.components.schemas.CreateCompanyDto;
    expect(schema.properties.country.example).toBe('HK');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'country', 'timezone']));
  });

  it('sends security headers and no CORS grant by default', async () => {
    const response = await client.http
      .get('/api/taxonomy')
      .set('Origin', 'https://evil.example')
      .expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants CORS to configured origins only', async () => {
    const cors = await startApi({ CORS_ORIGINS: 'https://app.example.org' });
    try {
      const allowed = await new TestClient(cors).http
        .get('/api/taxonomy')
        .set('Origin', 'https://app.example.org');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org');
      const refused = await new TestClient(cors).http
        .get('/api/taxonomy')
        .set('Origin', 'https://evil.example');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await cors.close();
    }
  });

  it('echoes a sane x-request-id, the correlation id of logs and errors', async () => {
    const response = await client.http
      .get('/api/taxonomy')
      .set('x-request-id', 'trace-123')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await client.http
      .get('/api/taxonomy')
      .set('x-request-id', 'bad id with spaces')
      .expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await client.http.get('/api/nowhere').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('has migrations that match the entities: generating a migration would produce nothing', async () => {
    const pending = await client.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
