import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../testing/render';
import { ImportPage } from './import';
import { ReportPage } from './report';

const outcomes = { none: 0, 'follow-up': 0, negotiating: 0, 'agreement-signed': 0 };
const line = (
  countryPair: string,
  held: number,
  feedback: number,
  averageRating: number | null,
) => ({
  countryPair,
  scheduled: 3,
  held,
  noShow: 1,
  cancelled: 0,
  feedback,
  averageRating,
  outcomes,
});
const report = (held: number, feedback: number, averageRating: number | null) => ({
  sessionId: 's1',
  totals: line('all', held, feedback, averageRating),
  byCountryPair: [line('CA–HK', held, feedback, averageRating)],
  acceptedRequests: { pairs: 2, placed: 2, share: 1 },
});
const SESSION = '6a1f2a0e-0000-4000-8000-000000000001';

/** Files the app saved (`download` clicks a link to an object URL). */
function savedFiles(): string[] {
  const saved: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push(this.download);
  });
  return saved;
}

afterEach(() => vi.restoreAllMocks());

describe('the report page', () => {
  it('says what became of the meetings, then the ratings, never a rating beside "0 held"', async () => {
    stubApi({ [`GET /api/sessions/${SESSION}/report`]: json(200, report(2, 3, 4.33)) });
    renderInApp(<ReportPage id={SESSION} />);
    expect(
      (await screen.findByText(/^6 meetings: 2 held, 1 no-show, 3 still to take place/))
        .textContent,
    ).toBe(
      '6 meetings: 2 held, 1 no-show, 3 still to take place or not marked. 3 ratings, 4.33 on average (out of 5).',
    );
  });

  it('says there are no ratings yet rather than an average of nothing', async () => {
    stubApi({ [`GET /api/sessions/${SESSION}/report`]: json(200, report(0, 0, null)) });
    renderInApp(<ReportPage id={SESSION} />);
    expect((await screen.findByText(/^4 meetings/)).textContent).toContain('No ratings yet.');
  });

  it('puts the numbers of each chart in a table beside it', async () => {
    stubApi({ [`GET /api/sessions/${SESSION}/report`]: json(200, report(2, 3, 4.33)) });
    renderInApp(<ReportPage id={SESSION} />);
    const status = await screen.findByRole('figure', { name: 'Meetings by status' });
    const rows = within(status)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['ItemMeetings', 'Held2', 'No-show1', 'Cancelled0', 'Scheduled3']);
    const rating = screen.getByRole('figure', { name: 'Average rating by country pair (1–5)' });
    expect(
      within(rating)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['4.33 (3)']);
  });

  it('downloads the meetings as CSV, a row per meeting', async () => {
    const saved = savedFiles();
    const fetch = stubApi({
      [`GET /api/sessions/${SESSION}/report`]: json(200, report(0, 0, null)),
      [`GET /api/sessions/${SESSION}/meetings.csv`]: new Response('\uFEFFdate\n', {
        headers: { 'content-type': 'text/csv' },
      }),
    });
    renderInApp(<ReportPage id={SESSION} />);
    fireEvent.click(screen.getByRole('button', { name: 'Meetings (CSV)' }));
    await vi.waitFor(() => expect(saved).toEqual(['session-meetings-6a1f2a0e.csv']));
    expect(fetch.mock.calls.map(([url]) => new URL(url, 'http://x').pathname)).toContain(
      `/api/sessions/${SESSION}/meetings.csv`,
    );
  });
});

describe('the import page', () => {
  const answer = (dryRun: boolean) => ({
    dryRun,
    total: 2,
    created: [{ row: 2, id: 'c1', name: 'Maple Channel Partners' }],
    errors: [
      {
        row: 3,
        message: 'Invalid input',
        fields: { country: ['must be a country code'] },
        // A rule this app has no words for: the server's English message is shown.
        rules: { country: [{ rule: 'invalid' }] },
      },
    ],
  });

  it('checks without importing, and shows each row as the import would answer it', async () => {
    const fetch = stubApi({ 'POST /api/companies/import?dryRun=true': json(200, answer(true)) });
    renderInApp(<ImportPage />);
    fireEvent.change(screen.getByLabelText('Or paste the CSV here'), {
      target: { value: 'name,country\nMaple,CA\nBad,Canada' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check without importing' }));
    await screen.findByRole('heading', { name: 'Trial run: nothing was stored' });
    expect(screen.getByRole('status').textContent).toBe(
      '1 of 2 rows would be imported, 1 refused. Nothing was stored: correct the rows refused, then import.',
    );
    expect(screen.getByRole('heading', { name: 'Would be created' })).toBeTruthy();
    expect(screen.getByText('must be a country code')).toBeTruthy();
    expect(fetch.mock.calls[0][1]?.body).toBe('name,country\nMaple,CA\nBad,Canada');
    // The text stays, to be corrected and imported.
    expect(screen.getByLabelText<HTMLTextAreaElement>('Or paste the CSV here').value).toContain(
      'Bad,Canada',
    );
  });

  it('words each refused field by the rules it broke, in the reader’s language', async () => {
    stubApi({
      'POST /api/companies/import': json(200, {
        dryRun: false,
        total: 3,
        created: [],
        errors: [
          {
            row: 2,
            message: 'Invalid input. country: must be a country code. status: must be pending…',
            fields: {
              country: ['must be an ISO 3166-1 alpha-2 code'],
              status: ['must be pending or verified'],
            },
            rules: {
              country: [{ rule: 'isCountry' }],
              status: [{ rule: 'isIn', params: { values: ['pending', 'verified'] } }],
            },
          },
          {
            row: 3,
            message: 'Invalid input. ownerEmail: no account has this email',
            fields: { ownerEmail: ['no account has this email'] },
            rules: { ownerEmail: [{ rule: 'knownAccount' }] },
          },
          {
            row: 4,
            message: 'A company with this name is already registered in this country',
            fields: { name: ['A company with this name is already registered in this country'] },
            rules: { name: [{ rule: 'nameTaken' }] },
          },
        ],
      }),
    });
    renderInApp(<ImportPage />, { language: 'zh-Hant' });
    fireEvent.change(screen.getByLabelText('或在此貼上 CSV'), {
      target: { value: 'name,country\nBad,Canada' },
    });
    fireEvent.click(screen.getByRole('button', { name: '匯入' }));
    await screen.findByRole('heading', { name: '被拒的行' });
    const said = screen.getAllByRole('definition').map((dd) => dd.textContent);
    expect(said).toEqual([
      '請選擇國家或地區。',
      '請從選項中選擇一項。',
      '沒有帳戶使用此電郵地址。',
      '已有另一家公司使用此名稱。',
    ]);
    expect(screen.queryByText(/must be|no account|already registered/)).toBeNull();
  });

  it('imports for real with the other button', async () => {
    stubApi({ 'POST /api/companies/import': json(200, answer(false)) });
    renderInApp(<ImportPage />);
    fireEvent.change(screen.getByLabelText('Or paste the CSV here'), {
      target: { value: 'name,country\nMaple,CA' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('heading', { name: 'Import result' });
    expect(screen.getByRole('heading', { name: 'Created' })).toBeTruthy();
  });

  it('downloads the template', async () => {
    const saved = savedFiles();
    stubApi({
      'GET /api/companies/import/template.csv': new Response('\uFEFFname\n', {
        headers: { 'content-type': 'text/csv' },
      }),
    });
    renderInApp(<ImportPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Download the template' }));
    await vi.waitFor(() => expect(saved).toEqual(['companies-import-template.csv']));
  });
});
