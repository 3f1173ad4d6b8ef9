import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Match, Membership } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { Matches } from './matches';

const company = { companyId: 'c1', name: 'Harbour Pay' } as Membership;
const match = (id: string, name: string, preference: Match['preference'] = null): Match =>
  ({
    company: { id, name, country: 'CA', city: 'Toronto' },
    score: 70,
    reasons: [],
    preference,
  }) as unknown as Match;
const page = (items: Match[], total = items.length, number = 1) =>
  json(200, { items, total, page: number, pageSize: 20 });
const base = '/api/sessions/s1/matches?companyId=c1';

describe('the matches of a firm', () => {
  it('marks a firm, saying whom the choice is about, and clears the mark', async () => {
    const fetch = stubApi({
      [`GET ${base}&page=1&pageSize=20`]: page([match('c2', 'Maple Ledger', 'interested')]),
      'PUT /api/sessions/s1/preferences/c2': json(200, {}),
      'DELETE /api/sessions/s1/preferences/c2?companyId=c1': new Response(null, { status: 204 }),
    });
    renderInApp(<Matches sessionId="s1" company={company} asked={new Set()} />);
    const choice = await screen.findByRole<HTMLSelectElement>('combobox', {
      name: 'Meet Maple Ledger?',
    });
    expect(choice.value).toBe('interested');
    fireEvent.change(choice, { target: { value: 'must-meet' } });
    await vi.waitFor(() =>
      expect(
        fetch.mock.calls.some(
          ([url, init]) =>
            String(url).endsWith('/preferences/c2') &&
            init?.method === 'PUT' &&
            (JSON.parse((init.body as string | undefined) ?? 'null') as { preference?: string })
              ?.preference === 'must-meet',
        ),
      ).toBe(true),
    );
    fireEvent.change(await screen.findByRole('combobox', { name: 'Meet Maple Ledger?' }), {
      target: { value: '' },
    });
    await vi.waitFor(() =>
      expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true),
    );
  });

  it('filters by country, sector, wish and hidden firms, and pages', async () => {
    const first = Array.from({ length: 20 }, (_, i) => match(`f${i}`, `Firm ${i}`));
    stubApi({
      [`GET ${base}&page=1&pageSize=20`]: page(first, 21),
      [`GET ${base}&page=2&pageSize=20`]: page([match('last', 'Last Firm')], 21, 2),
      [`GET ${base}&page=1&pageSize=20&country=CA&sector=fintech&preference=not-interested&includeHidden=true`]:
        page([match('no', 'Nope Ltd', 'not-interested')]),
    });
    renderInApp(<Matches sessionId="s1" company={company} asked={new Set()} />);
    await screen.findByText('Firm 0');
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Pages' })).getByText('Next'));
    expect(await screen.findByText('Last Firm')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'CA' } });
    fireEvent.change(screen.getByLabelText('Sector'), { target: { value: 'fintech' } });
    fireEvent.change(screen.getByLabelText('Your wish'), { target: { value: 'not-interested' } });
    fireEvent.click(screen.getByLabelText('Show firms marked not interested'));
    expect(await screen.findByText('Nope Ltd')).toBeTruthy();
  });

  it('says when no match fits the filters', async () => {
    stubApi({
      [`GET ${base}&page=1&pageSize=20`]: page([match('c2', 'Maple Ledger')]),
      [`GET ${base}&page=1&pageSize=20&preference=must-meet`]: page([]),
    });
    renderInApp(<Matches sessionId="s1" company={company} asked={new Set()} />);
    await screen.findByText('Maple Ledger');
    fireEvent.change(screen.getByLabelText('Your wish'), { target: { value: 'must-meet' } });
    expect(await screen.findByText('No matches with these filters.')).toBeTruthy();
  });
});
