import createClient from 'openapi-fetch';
import { ApiError, errorOf, storedToken } from '../api';
import type { paths } from './schema';

/**
 * The API as a typed client (openapi-fetch): paths, parameters, bodies and answers come from the
 * OpenAPI document, so a call the server does not take does not compile. Like `api()`, it sends
 * the stored token and throws an ApiError when the API answers an error (or cannot be reached).
 *
 *   const { data } = await client.GET('/api/sessions/{id}', { params: { path: { id } } });
 */
export const client = createClient<paths>({
  baseUrl: '',
  // Looked up at each call (not captured once), so tests that stub fetch reach this client too.
  fetch: (request) => globalThis.fetch(request),
});

client.use({
  onRequest({ request }) {
    const token = storedToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (!response.ok) throw await errorOf(response, request.headers.has('authorization'));
    return response;
  },
  onError() {
    // fetch itself failed: no answer came.
    return new ApiError(0, 'network');
  },
});
