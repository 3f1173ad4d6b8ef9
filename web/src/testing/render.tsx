import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { I18nContext, makeI18n, type Language } from '../i18n';
import { makeQueryClient } from '../queries';

/** Renders a component as the app does: in a language (English unless told), under a router, with a query cache of its own. */
export function renderInApp(
  ui: ReactNode,
  options: { language?: Language; path?: string } = {},
): RenderResult {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>
        <I18nContext.Provider value={makeI18n(options.language ?? 'en')}>{ui}</I18nContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** A JSON answer of the API. */
export function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * Stubs `fetch` (the boundary of the web app) with answers by `METHOD /api/path`, each answer
 * a Response, a function making one, or an Error to throw (the network); the mock is returned.
 */
export function stubApi(answers: Record<string, Response | Error | (() => Response | Error)>) {
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://localhost:3000');
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const key = `${method} ${url.pathname}${url.search}`;
    const answer = answers[key];
    if (answer === undefined) return Promise.reject(new Error(`unexpected request ${key}`));
    const made = typeof answer === 'function' ? answer() : answer;
    return made instanceof Error ? Promise.reject(made) : Promise.resolve(made.clone());
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
