import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  ProgrammeFigures,
  ProgrammeReport,
} from '../../../../../src/programme/programme.wire';
import { json, renderInApp, stubApi } from '../../../testing/render';
import { ProgrammePage } from '.';

const CA = '6a1f2a0e-0000-4000-8000-0000000000ca';
const FR = '6a1f2a0e-0000-4000-8000-0000000000f2';

const figures = (overrides: Partial<ProgrammeFigures> = {}): ProgrammeFigures => ({
  activities: { sessions: 0, delegations: 0, seminars: 0 },
  firms: 0,
  meetingsHeld: 0,
  averageRating: null,
  feedbackCount: 0,
  surveysSent: 0,
  surveysAnswered: 0,
  outcomes: { followUp: 0, negotiating: 0, agreementSigned: 0 },
  agreementsSigned: 0,
  valueBands: { 'under-100k': 0, '100k-1m': 0, '1m-10m': 0, 'over-10m': 0 },
  ...overrides,
});
const canada = { id: CA, country: 'CA', name: 'Canada' };
const france = { id: FR, country: 'FR', name: 'France' };
const caFigures = figures({
  activities: { sessions: 2, delegations: 1, seminars: 0 },
  firms: 14,
  meetingsHeld: 23,
  averageRating: 4.2,
  feedbackCount: 30,
  surveysSent: 12,
  surveysAnswered: 9,
  outcomes: { followUp: 5, negotiating: 3, agreementSigned: 2 },
  agreementsSigned: 2,
  valueBands: { 'under-100k': 1, '100k-1m': 0, '1m-10m': 1, 'over-10m': 0 },
});
const frFigures = figures({ activities: { sessions: 0, delegations: 0, seminars: 1 }, firms: 8 });

const report: ProgrammeReport = {
  year: 2026,
  partnerId: null,
  rows: [
    { partner: canada, year: 2026, ...caFigures },
    { partner: france, year: 2026, ...frFigures },
  ],
  partners: [canada, france],
  agreements: [
    {
      id: 'a1',
      partnerId: CA,
      title: 'Canada–Hong Kong ICT MOU',
      signedOn: '1998-05-11',
      expiresOn: '2027-05-10',
      status: 'active',
      effectiveStatus: 'renewal-due',
    },
    {
      id: 'a2',
      partnerId: FR,
      title: 'France–Hong Kong ICT MOU',
      signedOn: '2024-01-01',
      expiresOn: '2029-01-01',
      status: 'active',
      effectiveStatus: 'active',
    },
  ],
  trends: [
    { year: 2025, ...figures({ activities: { sessions: 1, delegations: 0, seminars: 0 } }) },
    { year: 2026, ...caFigures, firms: 20 },
  ],
  totals: { ...caFigures, firms: 20, activities: { sessions: 2, delegations: 1, seminars: 1 } },
};

function stub(extra: Record<string, Response | (() => Response)> = {}) {
  return stubApi({
    'GET /api/programme/report?year=2026': () => json(200, report),
    'GET /api/programme/report': () => json(200, { ...report, year: null }),
    ...extra,
  });
}

afterEach(() => vi.restoreAllMocks());

describe('the programme report page', () => {
  it('shows the numbers of each chart in a table beside it, and every figure with the totals', async () => {
    stub();
    renderInApp(<ProgrammePage />, { path: '/organise/programme?year=2026' });
    const byPartner = await screen.findByRole('figure', { name: 'By partner economy, 2026' });
    expect(
      within(byPartner)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Partner economyActivitiesMeetings heldAgreements signed',
      'Canada3232',
      'France100',
    ]);
    const trend = screen.getByRole('figure', { name: 'Across the years' });
    expect(
      within(trend)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['YearActivitiesMeetings heldAgreements signed', '2025100', '20263232']);

    const table = screen.getByRole('table', { name: 'All the figures' });
    const canadaRow = within(table).getByRole('row', { name: /^Canada/ });
    expect(
      within(canadaRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '1', '0', '14', '23', '4.2', '30', '12', '9', '5', '3', '2']);
    // France has no rating: said in words, not as 0.
    const franceRow = within(table).getByRole('row', { name: /^France/ });
    expect(within(franceRow).getAllByRole('cell')[5].textContent).toBe('none yet');
    const totalRow = within(table).getByRole('row', { name: /^All/ });
    expect(within(totalRow).getAllByRole('cell')[3].textContent).toBe('20');
    // What the signed agreements are worth, by band.
    const bands = screen.getByRole('table', {
      name: 'Value of the agreements signed (US dollars)',
    });
    expect(
      within(bands)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'ValueAgreements',
      'Under 100,0001',
      '100,000 to 1 million0',
      '1 to 10 million1',
      'Over 10 million0',
    ]);
  });

  it('calls out the agreement due for renewal', async () => {
    stub();
    renderInApp(<ProgrammePage />, { path: '/organise/programme?year=2026' });
    const due = await screen.findByRole('region', { name: 'Agreements due for renewal' });
    expect(due.textContent).toMatch(
      /Canada: “Canada–Hong Kong ICT MOU” expires on (10 May|May 10,) 2027./,
    );
    expect(due.textContent).not.toContain('France');
  });

  it('filters by partner and year through the address', async () => {
    const fetch = stub({
      [`GET /api/programme/report?year=2026&partnerId=${CA}`]: () =>
        json(200, { ...report, partnerId: CA, rows: [report.rows[0]], partners: [canada] }),
      'GET /api/programme/report?year=2025': () => json(200, { ...report, year: 2025, rows: [] }),
    });
    renderInApp(<ProgrammePage />, { path: '/organise/programme?year=2026' });
    await screen.findByRole('figure', { name: 'By partner economy, 2026' });
    fireEvent.change(screen.getByLabelText('Partner economy'), { target: { value: CA } });
    await vi.waitFor(() =>
      expect(fetch.mock.calls.map(([url]) => String(url))).toContainEqual(
        expect.stringContaining(`partnerId=${CA}`),
      ),
    );
    fireEvent.change(screen.getByLabelText('Partner economy'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2025' } });
    expect(
      await screen.findByText('No activity under a partner economy in this selection.'),
    ).toBeTruthy();
  });

  it('downloads the CSV of the selection and prints the page', async () => {
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    stub({
      'GET /api/programme/report?year=2026&format=csv': () =>
        new Response('\uFEFFcountry\n', { headers: { 'content-type': 'text/csv' } }),
    });
    renderInApp(<ProgrammePage />, { path: '/organise/programme?year=2026' });
    await screen.findByRole('figure', { name: 'By partner economy, 2026' });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(saved).toEqual(['programme-report-2026.csv']));
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    // The printed title says the year.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(
      'Programme report, 2026',
    );
  });

  it('speaks Chinese', async () => {
    stub();
    renderInApp(<ProgrammePage />, { path: '/organise/programme?year=2026', language: 'zh-Hant' });
    expect(await screen.findByRole('region', { name: '需要續期的協議' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '列印' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '全部數字' })).toBeTruthy();
  });
});
