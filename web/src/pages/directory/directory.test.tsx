import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, stubApi } from '../../testing/render';
import { DirectoryPage } from '.';

const TAXONOMY = {
  sectors: [{ id: 'fintech', label: 'Fintech' }],
  partnerTypes: [
    { id: 'distributor', label: 'Distributor' },
    { id: 'joint-venture', label: 'Joint venture' },
  ],
  employeeBands: ['1-9'],
};

const firm = {
  id: '0b9a620a-c0ec-48d1-96bf-af0c3a671468',
  name: 'Maple Ledger',
  country: 'CA',
  city: 'Toronto',
  sectors: ['fintech'],
  offers: ['payment gateways'],
  seeks: [],
  partnerTypes: ['distributor'],
  targetMarkets: ['HK'],
  languages: ['en'],
  timezone: 'America/Toronto',
  status: 'verified',
};

const page = (
  items: unknown[],
  total = items.length,
  more: { totalIsEstimate?: boolean; nextCursor?: string | null; page?: number } = {},
) =>
  json(200, {
    items,
    total,
    totalIsEstimate: more.totalIsEstimate ?? false,
    nextCursor: more.nextCursor ?? null,
    page: more.page ?? 1,
    pageSize: 20,
  });

describe('DirectoryPage', () => {
  it('lists the firms, each a link to its profile', async () => {
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/companies?page=1&pageSize=20': page([firm]),
    });
    renderInApp(<DirectoryPage />);
    const link = await screen.findByRole('link', { name: 'Maple Ledger' });
    expect(link.getAttribute('href')).toBe(`/companies/${firm.id}`);
    expect(screen.getByText('Toronto, Canada')).toBeTruthy();
    const row = link.closest('li') as HTMLElement;
    expect(within(row).getByText('Fintech')).toBeTruthy();
    expect(within(row).getByText('Offers: payment gateways')).toBeTruthy();
  });

  it('filters by partnership kind and target market, named in Chinese', async () => {
    const api = stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/companies?page=1&pageSize=20': page([]),
      'GET /api/companies?page=1&pageSize=20&partnerType=distributor&targetMarket=HK': page([firm]),
    });
    renderInApp(<DirectoryPage />, { language: 'zh-Hant' });
    const search = await screen.findByRole('search');
    await within(search).findByRole('option', { name: '分銷商' });
    fireEvent.change(screen.getByLabelText('尋求的合作類型'), {
      target: { value: 'distributor' },
    });
    fireEvent.change(screen.getByLabelText('目標市場'), { target: { value: 'HK' } });
    fireEvent.click(screen.getByRole('button', { name: '顯示公司' }));
    expect(await screen.findByRole('link', { name: 'Maple Ledger' })).toBeTruthy();
    expect(api).toHaveBeenCalledTimes(3);
  });

  it("shows the API's word on a bad filter by its field", async () => {
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/companies?page=1&pageSize=20': page([]),
      'GET /api/companies?page=1&pageSize=20&q=x': json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        fields: { q: ['q must be shorter'] },
      }),
    });
    renderInApp(<DirectoryPage />);
    await screen.findByText('No company matches.');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show companies' }));
    expect(await screen.findByText(/q must be shorter/)).toBeTruthy();
  });

  it('says about how many firms when the total is an estimate, and shows more by cursor', async () => {
    const other = { ...firm, id: '5d7c8e4f-9a2b-4c1d-8e3f-6a7b8c9d0e1f', name: 'Nordic Mint' };
    const api = stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/companies?page=1&pageSize=20': page([firm], 98_000, {
        totalIsEstimate: true,
        nextCursor: 'Y3Vyc29y',
      }),
      'GET /api/companies?page=2&pageSize=20&after=Y3Vyc29y': page([other], 98_000, {
        totalIsEstimate: true,
        page: 2,
      }),
    });
    renderInApp(<DirectoryPage />, { language: 'zh-Hant' });
    expect(await screen.findByRole('heading', { name: '找到約 98,000 家公司' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '顯示更多公司' }));
    expect(await screen.findByRole('link', { name: 'Nordic Mint' })).toBeTruthy();
    // Both pages stay on screen; the last one has no cursor, so nothing more is offered.
    expect(screen.getByRole('link', { name: 'Maple Ledger' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '顯示更多公司' })).toBeNull();
    expect(api).toHaveBeenCalledWith(expect.stringContaining('after=Y3Vyc29y'), expect.anything());
  });

  it('counts exactly in English when the list is small', async () => {
    stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'GET /api/companies?page=1&pageSize=20': page([firm]),
    });
    renderInApp(<DirectoryPage />);
    expect(await screen.findByRole('heading', { name: 'Companies found (1)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more companies' })).toBeNull();
  });
});
