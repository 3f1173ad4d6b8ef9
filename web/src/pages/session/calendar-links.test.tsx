import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, stubApi } from '../../testing/render';
import { CalendarLinks } from './calendar-links';

const company = {
  companyId: 'c1',
  name: 'Ada Foods',
  country: 'HK',
  status: 'verified' as const,
  role: 'owner' as const,
};
const feed = 'GET /api/sessions/s1/agenda/feed?companyId=c1';
const file = 'GET /api/sessions/s1/agenda.ics?companyId=c1';

describe('CalendarLinks', () => {
  it("shows the feed's error, then its address once it comes", async () => {
    let answer = json(403, { statusCode: 403, message: 'Not a participant' });
    stubApi({ [feed]: () => answer });
    renderInApp(<CalendarLinks sessionId="s1" company={company} />);
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe in your calendar app' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not a participant');

    answer = json(200, { url: '/api/calendar/agenda.ics?token=t' });
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe in your calendar app' }));
    const address = await screen.findByLabelText<HTMLInputElement>('Calendar feed address');
    expect(address.value).toBe('http://localhost:3000/api/calendar/agenda.ics?token=t');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why the calendar file could not be had', async () => {
    stubApi({ [file]: json(404, { statusCode: 404, message: 'No such session' }) });
    renderInApp(<CalendarLinks sessionId="s1" company={company} />);
    fireEvent.click(screen.getByRole('link', { name: 'Add to calendar (.ics)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No such session');
  });
});
