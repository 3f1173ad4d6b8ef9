import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Membership } from './api';
import { makeI18n } from './i18n';
import { AgendaEntry } from './pages/session/agenda-entry';
import { renderInApp } from './testing/render';

// 18:30 on 10 March in Toronto is 07:30 on 11 March in Hong Kong.
const MEETING = '2031-03-10T23:30:00Z';

describe('when: a time with its date when it is not the viewer’s day', () => {
  const toronto = makeI18n('en', 'America/Toronto');

  it('gives the other side’s time its date when it falls on another day', () => {
    expect(toronto.when(MEETING, 'Asia/Hong_Kong', MEETING)).toBe(
      toronto.dateTime(MEETING, 'Asia/Hong_Kong'),
    );
    expect(toronto.when(MEETING, 'Asia/Hong_Kong', MEETING)).toMatch(/Mar 11, 2031/);
    // The same day on both sides: the time alone.
    expect(toronto.when(MEETING, 'America/New_York', MEETING)).toBe(
      toronto.time(MEETING, 'America/New_York'),
    );
  });

  it('dates a time that is not today (a slot a month away), not one that is', () => {
    const today = '2031-02-10T15:00:00Z';
    expect(toronto.when(MEETING, undefined, today)).toMatch(/Mar 10, 2031/);
    expect(toronto.when('2031-02-10T20:00:00Z', undefined, today)).not.toMatch(/2031/);
  });

  it('writes dates in one style per language', () => {
    const zh = makeI18n('zh-Hant', 'Asia/Hong_Kong');
    expect(zh.when(MEETING, 'America/Toronto', MEETING)).toBe(
      zh.dateTime(MEETING, 'America/Toronto'),
    );
    expect(zh.dateTime(MEETING)).toMatch(/2031年3月11日/);
  });
});

const item: AgendaItem = {
  id: 'meeting-1',
  sessionId: 'session-1',
  slotIndex: 0,
  startsAt: MEETING,
  endsAt: '2031-03-10T23:50:00Z',
  companyIds: ['ca', 'hk'],
  origin: 'mutual',
  fixed: false,
  status: 'scheduled',
  feedback: null,
  local: { startsAt: MEETING, endsAt: '2031-03-10T23:50:00Z', timezone: 'America/Toronto' },
  other: {
    id: 'hk',
    name: 'Harbour Pay',
    country: 'HK',
    city: 'Hong Kong',
    timezone: 'Asia/Hong_Kong',
    localStartsAt: '2031-03-11T07:30:00+08:00',
  },
};
const company: Membership = {
  companyId: 'ca',
  name: 'Maple Ledger',
  country: 'CA',
  status: 'verified',
  role: 'owner',
};

describe('an agenda entry', () => {
  it('in Toronto, gives Hong Kong’s next-day morning with its date, the zone by name', () => {
    renderInApp(
      <AgendaEntry
        item={item}
        company={company}
        now={Date.parse('2031-03-01T00:00:00Z')}
        onChange={() => undefined}
        onCancelled={() => undefined}
      />,
      { zone: 'America/Toronto' },
    );
    const line = screen.getByText(/their time/).textContent ?? '';
    expect(line).toMatch(/^their time: Mar 11, 2031, 7:30\sAM \(Hong Kong .*Time\)/);
    // The other firm's name links to its profile (issue 16).
    const firm = screen.getByRole('link', { name: 'Harbour Pay' });
    expect(firm.closest('div')?.textContent).toContain('(Hong Kong, Hong Kong)');
  });
});

describe('calendar dates', () => {
  it('are written as the dates of date-times are, in each language', () => {
    const en = makeI18n('en', 'UTC');
    expect(en.dateTime('2031-06-09T12:00:00Z')).toContain(en.date('2031-06-09'));
    const zh = makeI18n('zh-Hant', 'UTC');
    expect(zh.dateTime('2031-06-09T12:00:00Z')).toContain(zh.date('2031-06-09'));
  });
});
