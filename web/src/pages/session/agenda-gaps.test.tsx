import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../api';
import { VIEWER_ZONE, type Language } from '../../i18n';
import { json, renderInApp, stubApi } from '../../testing/render';
import { Agenda } from './agenda';
import { OrganiserActing } from './organiser-acting';

const company = {
  companyId: 'c1',
  name: 'Harbour Pay',
  country: 'HK',
  status: 'verified' as const,
  role: 'owner' as const,
};
const meeting = (id: string, startsAt: string, endsAt: string) =>
  ({
    id,
    status: 'scheduled',
    startsAt,
    endsAt,
    other: { id: 'o1', name: 'Yukon Secure', country: 'CA', city: 'Whitehorse', timezone: 'UTC' },
    feedback: null,
  }) as unknown as AgendaItem;
const agenda = [
  meeting('m1', '2031-03-10T01:00:00.000Z', '2031-03-10T01:20:00.000Z'),
  meeting('m2', '2031-03-10T02:40:00.000Z', '2031-03-10T03:00:00.000Z'),
];
const agendaKey = `GET /api/sessions/s1/agenda?${new URLSearchParams({ companyId: 'c1', timezone: VIEWER_ZONE }).toString()}`;
const gapsKey = 'GET /api/sessions/s1/agenda/gaps?companyId=c1';

function show(
  gaps: { breaks: number; idleSlots: number; idleMinutes: number },
  language: Language = 'en',
  acting = false,
  items = agenda,
) {
  const fetch = stubApi({ [agendaKey]: json(200, items), [gapsKey]: json(200, gaps) });
  renderInApp(
    <OrganiserActing.Provider value={acting}>
      <Agenda sessionId="s1" company={company} />
    </OrganiserActing.Provider>,
    { language },
  );
  return fetch;
}

describe('Agenda: gaps between meetings', () => {
  it.each<[Language, boolean, string]>([
    ['en', false, '2 gaps between your meetings (1 h 20 min idle).'],
    ['en', true, '2 gaps between their meetings (1 h 20 min idle).'],
    ['zh-Hant', false, '你的會面之間有 2 個空檔（閒置 1 小時 20 分鐘）。'],
    ['zh-Hant', true, '他們的會面之間有 2 個空檔（閒置 1 小時 20 分鐘）。'],
  ])('%s (acting: %s): says how many gaps and how long idle', async (language, acting, text) => {
    show({ breaks: 2, idleSlots: 3, idleMinutes: 80 }, language, acting);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it.each<[Language, boolean, string]>([
    ['en', false, 'No gaps between your meetings.'],
    ['en', true, 'No gaps between their meetings.'],
    ['zh-Hant', false, '你的會面之間沒有空檔。'],
    ['zh-Hant', true, '他們的會面之間沒有空檔。'],
  ])('%s (acting: %s): says when there are none', async (language, acting, text) => {
    show({ breaks: 0, idleSlots: 0, idleMinutes: 0 }, language, acting);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('one gap in the singular, of minutes only', async () => {
    show({ breaks: 1, idleSlots: 1, idleMinutes: 40 });
    expect(await screen.findByText('1 gap between your meetings (40 min idle).')).toBeTruthy();
  });

  it('says nothing of gaps with a single meeting', async () => {
    const fetch = show({ breaks: 0, idleSlots: 0, idleMinutes: 0 }, 'en', false, [agenda[0]]);
    expect(await screen.findByText('Yukon Secure')).toBeTruthy();
    expect(screen.queryByText(/gaps/)).toBeNull();
    expect(fetch.mock.calls.map(([url]) => String(url))).not.toContainEqual(
      expect.stringContaining('/agenda/gaps'),
    );
  });
});
