import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TAXONOMY } from '../../testing/opportunities';
import { json, renderInApp, stubApi } from '../../testing/render';
import { DelegationForm } from '../delegation-form/delegation-form';
import { SeminarForm } from '../organiser/seminars/seminar-form';
import { PartnerPage, PartnersPage } from '.';
import type { Agreement, Partner } from './types';

const CA = 'c0000000-0000-4000-8000-000000000001';
const FI = 'c0000000-0000-4000-8000-000000000002';
const OLD = 'a0000000-0000-4000-8000-000000000001';
const NEW = 'a0000000-0000-4000-8000-000000000002';
const FI_MOU = 'a0000000-0000-4000-8000-000000000003';

function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: OLD,
    partnerId: CA,
    title: 'MOU on ICT cooperation',
    signedOn: '1998-05-18',
    expiresOn: '2003-05-17',
    counterpart: 'Industry Canada',
    priorityAreas: ['e-commerce'],
    forms: ['delegations', 'seminars'],
    documentUrl: 'https://example.gc.ca/mou.pdf',
    status: 'renewed',
    renews: null,
    renewedBy: NEW,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

const canada: Partner = {
  id: CA,
  country: 'CA',
  name: 'Canada',
  agencies: ['Industry Canada'],
  priorityAreas: ['e-commerce'],
  notes: '',
  agreements: [
    agreement({
      id: NEW,
      title: 'Renewed MOU',
      signedOn: '2003-12-04',
      expiresOn: '2027-03-01',
      status: 'renewal-due',
      renews: OLD,
      renewedBy: null,
      documentUrl: null,
    }),
    agreement(),
  ],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

const finland: Partner = {
  ...canada,
  id: FI,
  country: 'FI',
  name: 'Finland',
  agreements: [
    agreement({
      id: FI_MOU,
      partnerId: FI,
      title: 'Finnish MOU',
      signedOn: '2001-01-01',
      expiresOn: null,
      status: 'active',
      renewedBy: null,
    }),
  ],
};

const posted = (api: ReturnType<typeof stubApi>, method: string): Record<string, unknown> =>
  JSON.parse(
    (api.mock.calls.find(([, init]) => init?.method === method)?.[1]?.body as string) ?? 'null',
  ) as Record<string, unknown>;

describe('partner economies', () => {
  it('lists them with their agreement at a glance, a renewal due first and highlighted', async () => {
    stubApi({ 'GET /api/partners': json(200, [finland, canada]) });
    renderInApp(<PartnersPage canEdit />);
    const items = await screen.findAllByRole('listitem');
    expect(items[0].textContent).toContain('Canada');
    expect(items[0].className).toContain('renewal-due');
    expect(within(items[0]).getByText('Renewal due')).toBeTruthy();
    expect(items[1].textContent).toContain('Finland');
    expect(within(items[1]).getByText('In force')).toBeTruthy();
    expect(within(items[0]).getByRole('link', { name: 'Canada' }).getAttribute('href')).toBe(
      `/organise/partners/${CA}`,
    );
  });

  it('says it in Chinese', async () => {
    stubApi({ 'GET /api/partners': json(200, [canada]) });
    renderInApp(<PartnersPage canEdit />, { language: 'zh-Hant' });
    expect(await screen.findByText('需要續簽')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('合作夥伴經濟體');
  });

  it('shows a partner’s agreements with their history and documents as links', async () => {
    stubApi({
      [`GET /api/partners/${CA}`]: json(200, canada),
      [`GET /api/partners/${CA}/activities`]: json(200, { year: 2026, years: [], items: [] }),
      'GET /api/taxonomy': json(200, TAXONOMY),
    });
    renderInApp(<PartnerPage id={CA} canEdit />);
    const old = await screen.findByRole('heading', { name: /MOU on ICT cooperation/ });
    const card = old.closest('li') as HTMLElement;
    expect(within(card).getByText('Renewed')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Renewed MOU' }).getAttribute('href')).toBe(
      `#agreement-${NEW}`,
    );
    expect(
      within(card).getByRole('link', { name: 'Open the signed text' }).getAttribute('href'),
    ).toBe('https://example.gc.ca/mou.pdf');
    // A renewed agreement is not renewed again; the one in force is.
    expect(within(card).queryByRole('button', { name: 'Renew' })).toBeNull();
    const current = screen
      .getByRole('heading', { name: /Renewed MOU/ })
      .closest('li') as HTMLElement;
    expect(within(current).getByRole('link', { name: 'MOU on ICT cooperation' })).toBeTruthy();
    expect(within(current).getByRole('button', { name: 'Renew' })).toBeTruthy();
  });

  it('asks before recording a renewal, then sends it with what it renews', async () => {
    const api = stubApi({
      [`GET /api/partners/${CA}`]: json(200, canada),
      [`GET /api/partners/${CA}/activities`]: json(200, { year: 2026, years: [], items: [] }),
      'GET /api/taxonomy': json(200, TAXONOMY),
      [`POST /api/partners/${CA}/agreements`]: json(201, agreement({ id: 'x' })),
    });
    renderInApp(<PartnerPage id={CA} canEdit />);
    fireEvent.click(await screen.findByRole('button', { name: 'Renew' }));
    fireEvent.change(screen.getByLabelText('Signed on'), { target: { value: '2027-02-01' } });
    fireEvent.change(screen.getByLabelText('Expires on'), { target: { value: '2032-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the renewal' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('“Renewed MOU” will be marked as renewed');
    expect(api.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record the renewal' }));
    await waitFor(() => expect(posted(api, 'POST')).not.toBeNull());
    expect(posted(api, 'POST')).toMatchObject({
      renews: NEW,
      signedOn: '2027-02-01',
      expiresOn: '2032-01-31',
      status: 'active',
    });
  });

  it('words the API’s field errors in the reader’s language', async () => {
    stubApi({
      [`GET /api/partners/${CA}`]: json(200, canada),
      [`GET /api/partners/${CA}/activities`]: json(200, { year: 2026, years: [], items: [] }),
      'GET /api/taxonomy': json(200, TAXONOMY),
      [`POST /api/partners/${CA}/agreements`]: json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        code: 'validation_failed',
        fields: { documentUrl: ['documentUrl must be an http(s) URL'] },
        rules: { documentUrl: [{ rule: 'isUrl' }] },
      }),
    });
    renderInApp(<PartnerPage id={CA} canEdit />, { language: 'zh-Hant' });
    fireEvent.click(await screen.findByRole('button', { name: '新增協議' }));
    fireEvent.change(screen.getByLabelText('標題'), { target: { value: 'New MOU' } });
    fireEvent.change(screen.getByLabelText('協議文本連結'), { target: { value: 'ftp://x' } });
    fireEvent.click(screen.getByRole('button', { name: '新增此協議' }));
    const link = screen.getByLabelText('協議文本連結');
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(`${link.id}-error`);
    expect(message?.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(message?.textContent).not.toContain('documentUrl');
  });

  it('shows the activities of a year and the years that have any', async () => {
    const api = stubApi({
      [`GET /api/partners/${CA}`]: json(200, canada),
      'GET /api/taxonomy': json(200, TAXONOMY),
      [`GET /api/partners/${CA}/activities`]: json(200, {
        year: 2031,
        years: [2031, 2030],
        items: [
          {
            kind: 'session',
            id: 's1',
            title: 'Seoul video matching',
            startsAt: '2031-03-10T01:00:00.000Z',
            startsOn: null,
            status: 'open',
            count: null,
            agreementId: null,
          },
          {
            kind: 'seminar',
            id: 'sem1',
            title: 'Smart cards in Montréal',
            startsAt: '2031-04-02T14:00:00.000Z',
            startsOn: null,
            status: null,
            count: 12,
            agreementId: null,
          },
        ],
      }),
      [`GET /api/partners/${CA}/activities?year=2030`]: json(200, {
        year: 2030,
        years: [2031, 2030],
        items: [
          {
            kind: 'delegation',
            id: 'd1',
            title: 'Mission to Ottawa',
            startsAt: null,
            startsOn: '2030-06-10',
            status: null,
            count: 4,
            agreementId: NEW,
          },
        ],
      }),
    });
    renderInApp(<PartnerPage id={CA} canEdit />);
    expect(
      (await screen.findByRole('link', { name: 'Seoul video matching' })).getAttribute('href'),
    ).toBe('/organise/sessions/s1');
    expect(screen.getByRole('link', { name: 'Smart cards in Montréal' }).getAttribute('href')).toBe(
      '/seminars/sem1',
    );
    const year = screen.getByLabelText('Year');
    expect(
      within(year)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['2031', '2030']);
    fireEvent.change(year, { target: { value: '2030' } });
    expect(await screen.findByRole('link', { name: 'Mission to Ottawa' })).toBeTruthy();
    expect(screen.getByText(/4 firms accepted/)).toBeTruthy();
    expect(api.mock.calls.some(([url]) => String(url).endsWith(`/activities?year=2030`))).toBe(
      true,
    );
  });
});

describe('Held under, in the delegation form', () => {
  it('offers the agreements of the partner chosen and sends both', async () => {
    const api = stubApi({
      'GET /api/partners': json(200, [canada, finland]),
      'POST /api/delegations': json(201, { id: 'd1' }),
    });
    renderInApp(
      <Routes>
        <Route path="/" element={<DelegationForm />} />
        <Route path="*" element={null} />
      </Routes>,
    );
    const partner = await screen.findByLabelText('Partner economy');
    const agreementSelect = screen.getByLabelText('Agreement');
    expect(agreementSelect.hasAttribute('disabled')).toBe(true);
    fireEvent.change(partner, { target: { value: FI } });
    expect(
      within(agreementSelect)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['No particular agreement', 'Finnish MOU (In force, 2001)']);
    fireEvent.change(agreementSelect, { target: { value: FI_MOU } });
    // Another partner: its agreements, none chosen.
    fireEvent.change(partner, { target: { value: CA } });
    expect((agreementSelect as HTMLSelectElement).value).toBe('');
    fireEvent.change(partner, { target: { value: FI } });
    fireEvent.change(agreementSelect, { target: { value: FI_MOU } });
    fireEvent.click(screen.getByRole('button', { name: /Create/ }));
    await waitFor(() => expect(posted(api, 'POST')).not.toBeNull());
    expect(posted(api, 'POST')).toMatchObject({ partnerId: FI, agreementId: FI_MOU });
  });

  it('sends none when none is chosen', async () => {
    const api = stubApi({
      'GET /api/partners': json(200, [canada]),
      'POST /api/delegations': json(201, { id: 'd1' }),
    });
    renderInApp(
      <Routes>
        <Route path="/" element={<DelegationForm />} />
        <Route path="*" element={null} />
      </Routes>,
    );
    await screen.findByLabelText('Partner economy');
    fireEvent.click(screen.getByRole('button', { name: /Create/ }));
    await waitFor(() => expect(posted(api, 'POST')).not.toBeNull());
    expect(posted(api, 'POST')).toMatchObject({ partnerId: null, agreementId: null });
  });
});

describe('Held under, in the seminar form', () => {
  it('sends the partner and agreement chosen with the seminar', async () => {
    const api = stubApi({
      'GET /api/partners': json(200, [canada, finland]),
      'POST /api/seminars': json(201, { id: 's1' }),
    });
    renderInApp(
      <Routes>
        <Route path="/" element={<SeminarForm />} />
        <Route path="*" element={null} />
      </Routes>,
    );
    fireEvent.change(await screen.findByLabelText('Partner economy'), { target: { value: FI } });
    fireEvent.change(screen.getByLabelText('Agreement'), { target: { value: FI_MOU } });
    fireEvent.click(screen.getByRole('button', { name: 'Create seminar' }));
    await waitFor(() => expect(posted(api, 'POST')).not.toBeNull());
    expect(posted(api, 'POST')).toMatchObject({ partnerId: FI, agreementId: FI_MOU });
  });
});
