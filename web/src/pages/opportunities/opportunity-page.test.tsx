import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Membership, User } from '../../api';
import {
  Address,
  IDS,
  interestFixture,
  MEMBER as member,
  ORGANISER as organiser,
  opportunityFixture,
  projectFixture,
  verifiedMembership,
} from '../../testing/opportunities';
import { json, renderInApp, stubApi } from '../../testing/render';
import { OpportunityPage } from '.';

const harbour = verifiedMembership(IDS.harbour, 'Harbour Pay');
const maple = verifiedMembership(IDS.maple, 'Maple Ledger');

const post = `/api/opportunities/${IDS.post}`;
const project = `/api/opportunities/${IDS.project}`;

/** The page at its path, beside where the app went (the board, after a deletion). */
function show(id: string, user: User, companies: Membership[], language?: 'zh-Hant') {
  return renderInApp(
    <>
      <Routes>
        <Route
          path="/opportunities/:id"
          element={<OpportunityPage id={id} user={user} companies={companies} />}
        />
        <Route path="*" element={null} />
      </Routes>
      <Address />
    </>,
    { path: `/opportunities/${id}`, language },
  );
}

/** The bodies the app sent with `method`. */
const sent = (api: ReturnType<typeof stubApi>, method: string) =>
  api.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([url, init]) => ({ url: String(url), body: init?.body as string | undefined }));

afterEach(() => vi.restoreAllMocks());

describe('a post on the board', () => {
  it('tells the posting firm of the interest, then links to the conversation', async () => {
    let interested = false;
    const api = stubApi({
      [`GET ${post}?companyId=${IDS.harbour}`]: () =>
        json(200, opportunityFixture({ interested, score: 77 })),
      [`POST ${post}/interest`]: () => {
        interested = true;
        return json(
          201,
          interestFixture({ opportunityId: IDS.post, conversationId: IDS.conversation }),
        );
      },
    });
    show(IDS.post, member, [harbour]);
    expect(
      await screen.findByRole('heading', { name: 'Payment gateways for Hong Kong retail' }),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Fit 77 out of 100' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I’m interested' }));
    fireEvent.change(screen.getByLabelText('Message to Maple Ledger'), {
      target: { value: 'Our terminals, your gateways?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/Your message went to Maple Ledger\./)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Open the conversation' });
    expect(link.getAttribute('href')).toBe(`/messages/${IDS.conversation}`);
    expect(JSON.parse(sent(api, 'POST')[0].body ?? '')).toEqual({
      companyId: IDS.harbour,
      message: 'Our terminals, your gateways?',
    });
  });

  it('registers for an organiser\'s project: the source opens in a new tab, then "You\'re registered"', async () => {
    let interested = false;
    stubApi({
      [`GET ${project}?companyId=${IDS.harbour}`]: () => json(200, projectFixture({ interested })),
      [`POST ${project}/interest`]: () => {
        interested = true;
        return json(201, interestFixture());
      },
    });
    show(IDS.project, member, [harbour]);
    const source = await screen.findByRole('link', { name: 'Source (opens in a new tab)' });
    expect(source.getAttribute('href')).toBe('https://tenders.example.fi/42');
    expect(source.getAttribute('target')).toBe('_blank');
    expect(source.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText(/Partner economy: Finland/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I’m interested' }));
    fireEvent.change(screen.getByLabelText('Message to the organisers'), {
      target: { value: 'We would pilot it.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('You’re registered')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'I’m interested' })).toBeNull();
  });

  it("words the API's refusal of the message by its field, in Chinese", async () => {
    stubApi({
      [`GET ${post}?companyId=${IDS.harbour}`]: json(200, opportunityFixture()),
      [`POST ${post}/interest`]: json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input',
        fields: { message: ['message must not be empty'] },
        rules: { message: [{ rule: 'notBlank' }] },
      }),
    });
    show(IDS.post, member, [harbour], 'zh-Hant');
    fireEvent.click(await screen.findByRole('button', { name: '我有興趣' }));
    fireEvent.click(screen.getByRole('button', { name: '傳送' }));
    const field = screen.getByLabelText('給 Maple Ledger 的訊息');
    expect(await screen.findByText('請填寫此欄。')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers its own firm edit and delete, no interest; delete asks first', async () => {
    const api = stubApi({
      [`GET ${post}?companyId=${IDS.maple}`]: json(
        200,
        opportunityFixture({ canEdit: true, interestCount: 0 }),
      ),
      [`GET ${post}/interest`]: json(200, []),
      [`DELETE ${post}`]: new Response(null, { status: 204 }),
    });
    show(IDS.post, member, [maple]);
    expect(await screen.findByText('Your company posted this.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'I’m interested' })).toBeNull();
    expect(
      screen
        .getByRole('link', { name: 'Edit Payment gateways for Hong Kong retail' })
        .getAttribute('href'),
    ).toBe(`/opportunities/${IDS.post}/edit`);
    expect(await screen.findByText('No firm has shown interest yet')).toBeTruthy();

    const remove = screen.getByRole('button', {
      name: 'Delete Payment gateways for Hong Kong retail',
    });
    fireEvent.click(remove);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/It leaves the board for everyone/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(api, 'DELETE')).toEqual([]);

    fireEvent.click(remove);
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, delete it' }),
    );
    await vi.waitFor(() =>
      expect(screen.getByRole('status', { name: 'address' }).textContent).toBe('/opportunities'),
    );
    expect(sent(api, 'DELETE')).toHaveLength(1);
  });

  it('shows organisers who registered, and downloads the list as CSV', async () => {
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const api = stubApi({
      [`GET ${project}`]: json(200, projectFixture({ canEdit: true, interestCount: 1 })),
      [`GET ${project}/interest`]: json(200, [interestFixture()]),
      [`GET ${project}/interest?format=csv`]: new Response('\uFEFFcompany\n', {
        headers: { 'content-type': 'text/csv' },
      }),
    });
    show(IDS.project, organiser, []);
    const firm = await screen.findByRole('link', { name: 'Harbour Pay' });
    expect(firm.getAttribute('href')).toBe(`/companies/${IDS.harbour}`);
    expect(screen.getByText('We run contactless payments in Hong Kong.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 firm interested' })).toBeTruthy();
    expect(screen.queryByText('Your company posted this.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download the list (CSV)' }));
    await vi.waitFor(() => expect(saved).toEqual(['opportunity-interest-4f0c8a52.csv']));
    expect(sent(api, 'GET').map(({ url }) => url)).toContain(
      `http://localhost:3000${project}/interest?format=csv`,
    );
  });

  it('tells a firm without a verified company what it needs first', async () => {
    stubApi({ [`GET ${post}`]: json(200, opportunityFixture()) });
    show(IDS.post, member, [{ ...harbour, status: 'pending' }]);
    expect(
      await screen.findByText(
        'To take part, your company needs to be registered and verified first.',
      ),
    ).toBeTruthy();
  });
});
