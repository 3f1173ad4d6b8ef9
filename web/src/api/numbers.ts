import type { components } from './schema';

type DeclaredAsObject = components['schemas']['Object'];

/**
 * Numeric query parameters (`page`, `pageSize`, `limit`, …) as the typed client takes them. The
 * OpenAPI document declares them as objects (the Swagger plugin does not see class-transformer's
 * `@Type(() => Number)` on the server's query DTOs), so they pass through this one cast until the
 * document says `integer`:
 *
 *   client.GET('/api/sessions', { params: { query: numbers({ page: 1, pageSize: 100 }) } })
 */
export function numbers<K extends string>(values: Record<K, number>): Record<K, DeclaredAsObject> {
  return values as unknown as Record<K, DeclaredAsObject>;
}
