import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingRequest, ReceivedRequest } from '../../api';
import { json, renderInApp, sessionFixture, stubApi } from '../../testing/render';
import { ReceivedRequests } from './received-requests';
import { RequestForm } from './request-form';
import { halfDays } from './request-window';
import { SentRequests } from './sent-requests';

/** Four one-hour slots in Hong Kong: 10:00 and 11:00, then 13:00 and 14:00 (lunch between). */
const slots = [2, 3, 5, 6].map((hour, index) => ({
  index,
  startsAt: `2031-03-10T0${hour}:00:00.000Z`,
  endsAt: `2031-03-10T0${hour + 1}:00:00.000Z`,
}));
const session = sessionFixture({ slots });
const morning = { from: slots[0].startsAt, to: slots[1].endsAt };
const afternoon = { from: slots[2].startsAt, to: slots[3].endsAt };
const zone = 'Asia/Hong_Kong';

const base: MeetingRequest = {
  id: 'r1',
  sessionId: 's1',
  fromCompanyId: 'c2',
  fromCompanyName: 'Kowloon Foods',
  toCompanyId: 'c1',
  toCompanyName: 'Ada Exports',
  message: '',
  declineReason: null,
  window: null,
  status: 'pending',
  mutual: false,
  scheduled: false,
  createdAt: '2026-11-20T01:00:00.000Z',
  answeredAt: null,
};

describe('halfDays', () => {
  it('splits a one-day session at noon in its own zone', () => {
    expect(halfDays(session)).toEqual({ morning, afternoon });
  });

  it('offers no halves when a half has no slot or the session spans two days', () => {
    expect(halfDays({ ...session, slots: slots.slice(0, 2) })).toBeNull();
    const nextDay = {
      index: 4,
      startsAt: '2031-03-11T02:00:00.000Z',
      endsAt: '2031-03-11T03:00:00.000Z',
    };
    expect(halfDays({ ...session, slots: [...slots, nextDay] })).toBeNull();
  });
});

describe('the request form', () => {
  const open = async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Request a meeting with Ada Exports' }));
    return screen.findByLabelText('When can you meet?');
  };
  const form = () => (
    <RequestForm
      sessionId="s1"
      fromCompanyId="c2"
      to={{ id: 'c1', name: 'Ada Exports' }}
      label="Request a meeting with Ada Exports"
    />
  );
  const sentBody = (api: ReturnType<typeof stubApi>): unknown =>
    JSON.parse(api.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body as string);

  it('sends no window by default (any time)', async () => {
    const api = stubApi({
      'GET /api/sessions/s1': json(200, session),
      'POST /api/sessions/s1/requests': json(201, { id: 'r1' }),
    });
    renderInApp(form(), { zone });
    expect(((await open()) as HTMLSelectElement).value).toBe('any');
    fireEvent.click(screen.getByRole('button', { name: 'Send request to Ada Exports' }));
    expect(await screen.findByText('Meeting requested')).toBeTruthy();
    expect(sentBody(api)).toEqual({ fromCompanyId: 'c2', toCompanyId: 'c1' });
  });

  it('sends the morning of the session, in its zone', async () => {
    const api = stubApi({
      'GET /api/sessions/s1': json(200, session),
      'POST /api/sessions/s1/requests': json(201, { id: 'r1' }),
    });
    renderInApp(form(), { zone });
    const when = await open();
    expect(
      screen.getByRole('option', { name: 'The session’s morning (10:00 AM–12:00 PM)' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('option', { name: 'The session’s afternoon (1:00 PM–3:00 PM)' }),
    ).toBeTruthy();
    fireEvent.change(when, { target: { value: 'morning' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request to Ada Exports' }));
    await waitFor(() => expect(sentBody(api)).toMatchObject({ window: morning }));
  });

  it('sends a window between a slot’s start and a later slot’s end', async () => {
    const api = stubApi({
      'GET /api/sessions/s1': json(200, session),
      'POST /api/sessions/s1/requests': json(201, { id: 'r1' }),
    });
    renderInApp(form(), { zone });
    fireEvent.change(await open(), { target: { value: 'between' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request to Ada Exports' }));
    await waitFor(() =>
      expect(sentBody(api)).toMatchObject({
        window: { from: slots[1].startsAt, to: slots[2].endsAt },
      }),
    );
  });
});

describe('a request’s window', () => {
  it('is shown on sent and received requests, in the viewer’s time', () => {
    renderInApp(
      <>
        <SentRequests
          requests={[{ ...base, window: morning }]}
          session={session}
          busy={null}
          onWithdraw={vi.fn()}
        />
        <ReceivedRequests
          requests={[
            {
              ...base,
              id: 'r2',
              window: { from: slots[1].startsAt, to: slots[2].endsAt },
              fit: null,
            },
          ]}
          session={session}
          busy={null}
          onAnswer={vi.fn()}
        />
      </>,
      { zone },
    );
    expect(screen.getByText('Only in the session’s morning: 10:00 AM–12:00 PM')).toBeTruthy();
    expect(screen.getByText('Only between 11:00 AM and 2:00 PM')).toBeTruthy();
  });

  it('is worded in Chinese too', () => {
    renderInApp(
      <SentRequests
        requests={[{ ...base, window: afternoon }]}
        session={session}
        busy={null}
        onWithdraw={vi.fn()}
      />,
      { zone, language: 'zh-Hant' },
    );
    expect(screen.getByText(/^只限活動當地下午：/)).toBeTruthy();
  });

  it('is kept when the receiver accepts as asked, and sent when it chooses another', () => {
    const onAnswer = vi.fn();
    const request: ReceivedRequest = { ...base, window: morning, fit: null };
    renderInApp(
      <ReceivedRequests requests={[request]} session={session} busy={null} onAnswer={onAnswer} />,
      { zone },
    );
    const when = screen.getByLabelText<HTMLSelectElement>('When can you meet?');
    expect(when.value).toBe('morning');
    const accept = screen.getByRole('button', { name: 'Accept the request from Kowloon Foods' });
    fireEvent.click(accept);
    expect(onAnswer).toHaveBeenLastCalledWith(request, 'accepted', undefined, undefined);
    expect(screen.queryByRole('note')).toBeNull();
    fireEvent.change(when, { target: { value: 'afternoon' } });
    // Choosing another time says whose it replaces, before anything is sent.
    expect(screen.getByRole('note').textContent).toBe(
      'This replaces the time Kowloon Foods asked for (Only in the session’s morning: 10:00 AM–12:00 PM); they will see your choice.',
    );
    fireEvent.click(accept);
    expect(onAnswer).toHaveBeenLastCalledWith(request, 'accepted', undefined, afternoon);
    fireEvent.change(when, { target: { value: 'any' } });
    fireEvent.click(accept);
    expect(onAnswer).toHaveBeenLastCalledWith(request, 'accepted', undefined, null);
  });

  it('gives the date of a time past midnight in the viewer’s zone', () => {
    // Toronto: the Hong Kong morning is the evening before, the afternoon past midnight.
    renderInApp(
      <SentRequests
        requests={[{ ...base, window: { from: slots[0].startsAt, to: slots[3].endsAt } }]}
        session={session}
        busy={null}
        onWithdraw={vi.fn()}
      />,
      { zone: 'America/Toronto' },
    );
    expect(screen.getByText(/^Only between/).textContent).toBe(
      'Only between 10:00 PM and Mar 10, 2031, 3:00 AM',
    );
  });

  it('follows a window changed live while the receiver has not chosen', () => {
    function Live() {
      const [window, setWindow] = useState(morning);
      return (
        <>
          <button type="button" onClick={() => setWindow(afternoon)}>
            change
          </button>
          <ReceivedRequests
            requests={[{ ...base, window, fit: null }]}
            session={session}
            busy={null}
            onAnswer={vi.fn()}
          />
        </>
      );
    }
    renderInApp(<Live />, { zone });
    expect(screen.getByLabelText<HTMLSelectElement>('When can you meet?').value).toBe('morning');
    fireEvent.click(screen.getByRole('button', { name: 'change' }));
    expect(screen.getByLabelText<HTMLSelectElement>('When can you meet?').value).toBe('afternoon');
  });
});
