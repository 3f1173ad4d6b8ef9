import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Address,
  IDS,
  MEMBER as member,
  ORGANISER as organiser,
  opportunityFixture,
  projectFixture,
  TAXONOMY,
  verifiedMembership,
} from '../../testing/opportunities';
import { json, renderInApp, stubApi } from '../../testing/render';
import { BoardPage } from '.';

const harbour = verifiedMembership(IDS.harbour, 'Harbour Pay');
const second = verifiedMembership(IDS.conversation, 'Kowloon Cards');

const page = (items: unknown[], total = items.length) =>
  json(200, { items, total, page: 1, pageSize: 20 });
const ranked = `GET /api/opportunities?page=1&pageSize=20&companyId=${IDS.harbour}`;

afterEach(() => vi.useRealTimers());

describe('the opportunities board', () => {
  it("ranks the posts for the firm's company, with the score, the reasons in words and the deadline", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T04:00:00Z') });
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      [ranked]: page([
        opportunityFixture({
          score: 82.4,
          reasons: [
            {
              component: 'sector',
              value: 1,
              weight: 0.3,
              code: 'sector.common',
              params: { sectors: ['fintech'] },
              text: 'Both work in fintech.',
            },
            {
              component: 'language',
              value: 0,
              weight: 0.1,
              code: 'language.none',
              params: {},
              text: 'No language in common.',
            },
          ],
        }),
        projectFixture({ score: 40, deadline: '2026-12-19T15:59:59.999Z' }),
      ]),
    });
    renderInApp(<BoardPage user={member} companies={[harbour]} />, { path: '/opportunities' });

    const title = await screen.findByRole('link', {
      name: 'Payment gateways for Hong Kong retail',
    });
    expect(title.getAttribute('href')).toBe(`/opportunities/${IDS.post}`);
    expect(screen.getByText('Best fit for Harbour Pay first.')).toBeTruthy();
    const first = title.closest('li') as HTMLElement;
    expect(within(first).getByRole('img', { name: 'Fit 82 out of 100' })).toBeTruthy();
    expect(within(first).getByText('Both work in fintech.')).toBeTruthy();
    // A reason worth nothing is not said.
    expect(within(first).queryByText('No language in common.')).toBeNull();
    expect(within(first).getByText('Offer')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Maple Ledger' }).getAttribute('href')).toBe(
      `/companies/${IDS.maple}`,
    );
    expect(within(first).getByText('No deadline')).toBeTruthy();
    expect(within(first).getByText('Countries: Hong Kong and Canada')).toBeTruthy();

    const project = screen.getByRole('link', { name: 'Smart city payments pilot' }).closest('li');
    const inProject = within(project as HTMLElement);
    expect(inProject.getByText('Government project')).toBeTruthy();
    expect(inProject.getByText(/Partner economy: Finland/)).toBeTruthy();
    expect(inProject.getByText(/^Closes in 12 days \(/)).toBeTruthy();
    // Ranked firms see the order the API gave.
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(['Payment gateways for Hong Kong retail', 'Smart city payments pilot']);
    expect(screen.getByRole('link', { name: 'Post an opportunity' })).toBeTruthy();
  });

  it('takes its filters from the address, and a search writes them back to it', async () => {
    const api = stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/opportunities?page=1&pageSize=20&kind=project': page([projectFixture()]),
      'GET /api/opportunities?page=1&pageSize=20&q=payments&kind=project&sector=fintech&country=FI':
        page([projectFixture({ title: 'Helsinki payments tender' })]),
    });
    renderInApp(
      <>
        <BoardPage user={organiser} companies={[]} />
        <Address />
      </>,
      { path: '/opportunities?kind=project' },
    );
    await screen.findByRole('link', { name: 'Smart city payments pilot' });
    expect(screen.getByLabelText<HTMLSelectElement>('Kind').value).toBe('project');
    // Unranked: no score, no "best fit" line.
    expect(screen.queryByRole('img', { name: /^Fit/ })).toBeNull();
    const search = screen.getByRole('search');
    await within(search).findByRole('option', { name: 'Fintech' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'payments' } });
    fireEvent.change(screen.getByLabelText('Sector'), { target: { value: 'fintech' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'FI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show opportunities' }));
    expect(await screen.findByRole('link', { name: 'Helsinki payments tender' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'address' }).textContent).toBe(
      '/opportunities?q=payments&kind=project&sector=fintech&country=FI',
    );
    expect(api.mock.calls.map(([url]) => String(url))).toContain(
      'http://localhost:3000/api/opportunities?page=1&pageSize=20&q=payments&kind=project&sector=fintech&country=FI',
    );
  });

  it('ranks for another of the firm’s companies when chosen, and pages', async () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      opportunityFixture({ id: `p${i}`, title: `Post ${i}` }),
    );
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      [ranked]: page(many, 21),
      [`GET /api/opportunities?page=2&pageSize=20&companyId=${IDS.harbour}`]: json(200, {
        items: [opportunityFixture({ id: 'last', title: 'The last post' })],
        total: 21,
        page: 2,
        pageSize: 20,
      }),
      [`GET /api/opportunities?page=1&pageSize=20&companyId=${IDS.conversation}`]: page([
        opportunityFixture({ title: 'Cards for Kowloon' }),
      ]),
    });
    renderInApp(
      <>
        <BoardPage user={member} companies={[harbour, second]} />
        <Address />
      </>,
      { path: '/opportunities' },
    );
    await screen.findByText('Post 0');
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Pages' })).getByText('Next'));
    expect(await screen.findByText('The last post')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'address' }).textContent).toBe(
      '/opportunities?page=2',
    );
    fireEvent.change(screen.getByLabelText('Acting for'), {
      target: { value: IDS.conversation },
    });
    expect(await screen.findByText('Cards for Kowloon')).toBeTruthy();
    expect(screen.getByText('Best fit for Kowloon Cards first.')).toBeTruthy();
  });

  it('reads in Chinese: kinds, deadline, countries and sectors in words', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T04:00:00Z') });
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/opportunities?page=1&pageSize=20': page([projectFixture()]),
    });
    renderInApp(<BoardPage user={organiser} companies={[]} />, {
      path: '/opportunities',
      language: 'zh-Hant',
    });
    const card = (await screen.findByRole('link', { name: 'Smart city payments pilot' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(card).getByText('政府項目')).toBeTruthy();
    expect(within(card).getByText(/夥伴經濟體: 芬蘭/)).toBeTruthy();
    expect(within(card).getByText(/^12 天後截止（/)).toBeTruthy();
    expect(within(card).getByText('金融科技')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '開放中的商機（1）' })).toBeTruthy();
  });

  it("shows the API's word on a bad filter by its field", async () => {
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/opportunities?page=1&pageSize=20&q=x': json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        fields: { q: ['q must be shorter than or equal to 200 characters'] },
        rules: { q: [{ rule: 'maxLength', params: { max: 200 } }] },
      }),
    });
    renderInApp(<BoardPage user={organiser} companies={[]} />, { path: '/opportunities?q=x' });
    expect(await screen.findByText('Must be 200 characters or fewer.')).toBeTruthy();
  });
});
