import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireFollowUp } from '../../../../src/follow-ups/follow-ups.wire';
import { json, renderInApp, stubApi } from '../../testing/render';
import { FollowUpPage } from '.';

const KEY = 'k1';

function followUp(overrides: Partial<WireFollowUp> = {}): WireFollowUp {
  return {
    months: 3,
    sentAt: '2031-06-10T01:00:00.000Z',
    expiresAt: '2031-09-08T01:00:00.000Z',
    company: { id: 'c1', name: 'Harbour Pay', country: 'HK' },
    session: {
      id: 's1',
      title: 'Hong Kong – Canada ICT matching',
      startsAt: '2031-03-10T01:00:00.000Z',
      endsAt: '2031-03-10T05:00:00.000Z',
      timezone: 'Asia/Hong_Kong',
      partner: { id: 'p1', name: 'Canada', country: 'CA' },
    },
    meetings: [
      {
        meetingId: 'm1',
        startsAt: '2031-03-10T01:00:00.000Z',
        otherCompany: { id: 'c2', name: 'Maple Ledger', country: 'CA' },
        feedbackOutcome: 'follow-up',
        answers: [],
      },
      {
        meetingId: 'm2',
        startsAt: '2031-03-10T01:30:00.000Z',
        otherCompany: { id: 'c3', name: 'Carte Blanche', country: 'FR' },
        feedbackOutcome: null,
        answers: [
          {
            outcome: 'negotiating',
            valueBand: '100k-1m',
            note: 'Pilot in Lyon',
            answeredAt: '2031-04-01T02:00:00.000Z',
          },
        ],
      },
    ],
    ...overrides,
  };
}

const open = () =>
  renderInApp(
    <Routes>
      <Route path="/follow-up/:key" element={<FollowUpPage />} />
    </Routes>,
    { path: `/follow-up/${KEY}` },
  );

afterEach(() => localStorage.clear());

describe('the follow-up page', () => {
  it('lists the held meetings with outcomes in words, earlier answers with their dates', async () => {
    stubApi({ [`GET /api/follow-ups/${KEY}`]: json(200, followUp()) });
    open();
    const first = await screen.findByRole('group', { name: 'Maple Ledger (Canada)' });
    expect(within(first).getByRole('radio', { name: 'We signed an agreement' })).toBeTruthy();
    expect(first.textContent).toContain(
      'Right after the meeting, your firm said: We are following up',
    );
    expect(first.textContent).toContain('No answer yet.');
    const second = screen.getByRole('group', { name: 'Carte Blanche (France)' });
    expect(second.textContent).toContain(
      'We are negotiating · US$100,000 to US$1 million · “Pilot in Lyon”',
    );
    expect(second.textContent).toMatch(/2031/);
    expect(document.body.textContent).toContain('cooperation programme with Canada');
    // No codes for people.
    expect(document.body.textContent).not.toMatch(/agreement-signed|100k-1m/);
  });

  it('sends only the meetings answered, then says what was saved', async () => {
    const saved = followUp();
    saved.meetings[0].answers = [
      {
        outcome: 'agreement-signed',
        valueBand: '1m-10m',
        note: 'Signed',
        answeredAt: '2031-06-11T02:00:00.000Z',
      },
    ];
    const fetch = stubApi({
      [`GET /api/follow-ups/${KEY}`]: json(200, followUp()),
      [`POST /api/follow-ups/${KEY}`]: json(200, { saved: 1, followUp: saved }),
    });
    open();
    const first = await screen.findByRole('group', { name: 'Maple Ledger (Canada)' });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at least one meeting');
    fireEvent.click(within(first).getByRole('radio', { name: 'We signed an agreement' }));
    fireEvent.change(within(first).getByLabelText('Order value (optional)'), {
      target: { value: '1m-10m' },
    });
    fireEvent.change(within(first).getByLabelText('Note (optional)'), {
      target: { value: '  Signed  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect((await screen.findByRole('status')).textContent).toContain('your answer is saved');
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      answers: [
        { meetingId: 'm1', outcome: 'agreement-signed', valueBand: '1m-10m', note: 'Signed' },
      ],
    });
    expect(screen.getByRole('group', { name: 'Maple Ledger (Canada)' }).textContent).toContain(
      'We signed an agreement · US$1 million to US$10 million',
    );
  });

  it('says so in a sentence when the link has expired or does not work', async () => {
    stubApi({
      [`GET /api/follow-ups/${KEY}`]: json(410, {
        statusCode: 410,
        code: 'follow_up.expired',
        message: 'expired',
      }),
    });
    const { unmount } = open();
    expect((await screen.findByRole('alert')).textContent).toContain('ask the organisers');
    unmount();
    stubApi({
      [`GET /api/follow-ups/${KEY}`]: json(404, {
        statusCode: 404,
        code: 'follow_up.not_found',
        message: 'No such follow up',
      }),
    });
    open();
    expect((await screen.findByRole('alert')).textContent).toContain('This link does not work');
  });

  it('is in Traditional Chinese when the browser or the switcher says so', async () => {
    localStorage.setItem('tradematch.language', 'zh-Hant');
    stubApi({ [`GET /api/follow-ups/${KEY}`]: json(200, followUp()) });
    open();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      '你的會面有何成果？',
    );
    expect(await screen.findAllByRole('radio', { name: '已簽訂協議' })).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('語言'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'What came of your meetings?',
    );
  });
});
