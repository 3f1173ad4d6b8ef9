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
  options: { language?: Language; path?: string; zone?: string } = {},
): RenderResult {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>
        <I18nContext.Provider value={makeI18n(options.language ?? 'en', options.zone)}>
          {ui}
        </I18nContext.Provider>
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
 * a Response, a function making one, or an Error to throw (the network). The mock is returned,
 * each call as `(url, {method, body})` whether the app passed a Request (the typed client) or not.
 */
export function stubApi(answers: Record<string, Response | Error | (() => Response | Error)>) {
  const answer = vi.fn((input: string | URL, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost:3000');
    const key = `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
    const found = answers[key];
    if (found === undefined) return Promise.reject(new Error(`unexpected request ${key}`));
    const made = typeof found === 'function' ? found() : found;
    return made instanceof Error ? Promise.reject(made) : Promise.resolve(made.clone());
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!(input instanceof Request)) return answer(input, init);
    const body = input.body === null ? undefined : await input.text();
    return answer(input.url, { method: input.method, headers: input.headers, body });
  });
  return answer;
}

/** A video session to come (10 March 2031, 09:00–13:00 in Hong Kong) as the API gives it. */
export function sessionFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: 's1',
    title: 'Fintech day',
    description: '',
    status: 'open',
    mode: 'video',
    timezone: 'Asia/Hong_Kong',
    startsAt: '2031-03-10T01:00:00.000Z',
    endsAt: '2031-03-10T05:00:00.000Z',
    requestDeadline: '2031-03-09T01:00:00.000Z',
    slotMinutes: 20,
    participantCount: 3,
    slots: [],
    ...overrides,
  };
}
