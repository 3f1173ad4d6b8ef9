import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Membership, User } from '../../api';
import { VIEWER_ZONE } from '../../i18n';
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
import { endOfDay } from '../../zoned-time';
import { OpportunityFormPage } from '.';

const maple = verifiedMembership(IDS.maple, 'Maple Ledger');

function show(
  user: User,
  companies: Membership[],
  options: { id?: string; language?: 'zh-Hant' } = {},
) {
  return renderInApp(
    <>
      <Routes>
        <Route
          path="/opportunities/new"
          element={<OpportunityFormPage user={user} companies={companies} />}
        />
        <Route
          path="/opportunities/:id/edit"
          element={<OpportunityFormPage id={options.id} user={user} companies={companies} />}
        />
        <Route path="*" element={null} />
      </Routes>
      <Address />
    </>,
    {
      path: options.id ? `/opportunities/${options.id}/edit` : '/opportunities/new',
      language: options.language,
    },
  );
}

const posted = (api: ReturnType<typeof stubApi>, method: string): unknown =>
  JSON.parse(
    (api.mock.calls.find(([, init]) => init?.method === method)?.[1]?.body as string) ?? 'null',
  );

const refused = json(400, {
  statusCode: 400,
  error: 'Bad Request',
  message: 'Invalid input',
  fields: {
    title: ['title must not be empty'],
    sectors: ['sectors must name at least one sector'],
    deadline: ['deadline must be in the future'],
    link: ['link must be an http(s) URL'],
  },
  rules: {
    title: [{ rule: 'notBlank' }],
    sectors: [{ rule: 'arrayMinSize', params: { min: 1 } }],
    deadline: [{ rule: 'isDateTime' }],
    link: [{ rule: 'isUrl' }],
  },
});

describe('posting an opportunity', () => {
  it("a firm posts an offer for its company: the deadline is that day's end where the user is", async () => {
    const api = stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      'POST /api/opportunities': json(201, opportunityFixture()),
    });
    show(member, [maple]);
    expect(await screen.findByRole('heading', { name: 'Post an opportunity' })).toBeTruthy();
    const kinds = within(screen.getByLabelText('Kind')).getAllByRole('option');
    expect(kinds.map((option) => option.textContent)).toEqual(['Offer', 'Request']);
    expect(screen.queryByLabelText('Partner economy')).toBeNull();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'request' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'NFC terminals sought' } });
    fireEvent.change(screen.getByLabelText('Description'), {
      target: { value: 'For our shops in Toronto.' },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Fintech' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Distributor' }));
    fireEvent.change(screen.getByLabelText('Countries it concerns'), { target: { value: 'HK' } });
    fireEvent.change(screen.getByLabelText('Deadline (optional)'), {
      target: { value: '2031-06-30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    await screen.findByText(`/opportunities/${IDS.post}`);
    expect(posted(api, 'POST')).toEqual({
      kind: 'request',
      companyId: IDS.maple,
      title: 'NFC terminals sought',
      description: 'For our shops in Toronto.',
      sectors: ['fintech'],
      countries: ['HK'],
      partnerTypes: ['distributor'],
      deadline: endOfDay('2031-06-30', VIEWER_ZONE),
    });
  });

  it("words the API's refusal by each field, and keeps what was typed", async () => {
    stubApi({ 'GET /api/taxonomy': json(200, TAXONOMY), 'POST /api/opportunities': refused });
    show(organiser, []);
    const kinds = within(await screen.findByLabelText('Kind')).getAllByRole('option');
    expect(kinds.map((option) => option.textContent)).toEqual([
      'Government project',
      'Market information',
    ]);
    fireEvent.change(screen.getByLabelText('Partner economy'), { target: { value: 'FI' } });
    fireEvent.change(screen.getByLabelText('Source link (optional)'), {
      target: { value: 'tenders' },
    });
    await screen.findByRole('checkbox', { name: 'Fintech' });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Fill this in.')).toBeTruthy();
    expect(screen.getByText('Choose at least one.')).toBeTruthy();
    expect(screen.getByText('Choose a date and time.')).toBeTruthy();
    expect(screen.getByText('Enter a web address, such as https://example.hk.')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Source link (optional)').value).toBe('tenders');
    // The focus goes to the first field to fix.
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });

  it('says the same in Chinese', async () => {
    stubApi({ 'GET /api/taxonomy': json(200, TAXONOMY), 'POST /api/opportunities': refused });
    show(organiser, [], { language: 'zh-Hant' });
    await screen.findByRole('checkbox', { name: '金融科技' });
    fireEvent.click(screen.getByRole('button', { name: '發布' }));
    expect(await screen.findByText('請填寫此欄。')).toBeTruthy();
    expect(screen.getByText('請至少選擇一項。')).toBeTruthy();
    expect(screen.getByLabelText('夥伴經濟體')).toBeTruthy();
  });

  it('edits a post: its fields filled in, only the changes sent, blanks cleared', async () => {
    const api = stubApi({
      'GET /api/taxonomy': json(200, TAXONOMY),
      [`GET /api/opportunities/${IDS.project}`]: json(200, projectFixture({ canEdit: true })),
      [`PATCH /api/opportunities/${IDS.project}`]: json(200, projectFixture({ canEdit: true })),
    });
    show(organiser, [], { id: IDS.project });
    expect(
      await screen.findByRole('heading', { name: 'Edit “Smart city payments pilot”' }),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Kind')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Deadline (optional)').value).toBe('2026-12-19');
    fireEvent.change(screen.getByLabelText('Source link (optional)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Smart city pilot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(`/opportunities/${IDS.project}`);
    expect(posted(api, 'PATCH')).toEqual({ title: 'Smart city pilot', link: null });
  });

  it('tells a firm without a verified company that it cannot post yet', () => {
    stubApi({});
    show(member, [{ ...maple, status: 'pending' }]);
    expect(screen.getByText(/Only a verified company can post/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Post' })).toBeNull();
  });
});
