import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../../testing/render';
import type { Seminar } from '../../seminars/types';
import { CheckInDesk } from './check-in';

const seminar = { id: 's1', title: 'Smart cards', timezone: 'Asia/Hong_Kong' } as Seminar;

const checkedIn = {
  registration: {
    id: 'r1',
    seminarId: 's1',
    companyId: 'c1',
    companyName: 'Harbour Pay',
    companyCountry: 'HK',
    userId: 'u1',
    userName: 'Amy Chan',
    status: 'registered',
    waitlistPosition: null,
    checkInCode: null,
    checkedInAt: '2031-06-10T01:20:00.000Z',
    createdAt: '2031-01-02T00:00:00.000Z',
  },
  checkedInAt: '2031-06-10T01:20:00.000Z',
};

afterEach(() => vi.restoreAllMocks());

/** Types a code and sends it; the newest result line once it shows. */
async function typeCode(code: string): Promise<string> {
  const box = screen.getByLabelText('Or type a code');
  fireEvent.change(box, { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
  const results = screen.getByRole('list', { name: 'Check-in results, newest first' });
  const before = within(results).queryAllByRole('listitem').length;
  await vi.waitFor(() => expect(within(results).getAllByRole('listitem').length).toBe(before + 1));
  return within(results).getAllByRole('listitem')[0].textContent ?? '';
}

describe('the check-in desk', () => {
  it('checks in a typed code, then says it is already in, and refuses other codes', async () => {
    let answer = json(200, checkedIn);
    const api = stubApi({ 'POST /api/seminars/s1/check-in': () => answer });
    renderInApp(<CheckInDesk seminar={seminar} />, { zone: 'Asia/Hong_Kong' });
    // The camera is off until asked for; the typed code works without it.
    expect(screen.getByRole('button', { name: 'Turn the camera on' })).toBeTruthy();

    expect(await typeCode('7kq2m-x9d4p')).toBe('Checked in: Amy Chan, Harbour Pay');
    expect(api.mock.calls[0][1]?.body).toBe(JSON.stringify({ code: '7kq2m-x9d4p' }));
    expect(screen.getByLabelText<HTMLInputElement>('Or type a code').value).toBe('');

    answer = json(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'Already checked in',
      code: 'check_in.already',
      details: { checkedInAt: '2031-06-10T01:20:00.000Z' },
    });
    expect(await typeCode('7KQ2M-X9D4P')).toMatch(/^Already in: checked in at Jun 10, 2031.*9:20/);

    answer = json(404, {
      statusCode: 404,
      error: 'Not Found',
      message: 'No such check in code',
      code: 'check_in_code.not_found',
    });
    expect(await typeCode('AAAAA-BBBBB')).toBe('Not for this seminar: this code is unknown here.');

    answer = json(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'On the waitlist',
      code: 'check_in.no_seat',
      details: { status: 'waitlisted' },
    });
    expect(await typeCode('CCCCC-DDDDD')).toBe('No seat: this person is on the waitlist.');
  });

  it('words the results in Chinese', async () => {
    stubApi({ 'POST /api/seminars/s1/check-in': json(200, checkedIn) });
    renderInApp(<CheckInDesk seminar={seminar} />, { language: 'zh-Hant' });
    fireEvent.change(screen.getByLabelText('或輸入登記碼'), { target: { value: '7KQ2M-X9D4P' } });
    fireEvent.click(screen.getByRole('button', { name: '登記入場' }));
    expect(await screen.findByText('已登記入場：Amy Chan，Harbour Pay')).toBeTruthy();
  });
});
