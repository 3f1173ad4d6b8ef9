import { renderNotice } from '../render/render-notice';
import type { NoticeParams } from '../render/notice-params';
import type { TemplatedKind } from '../render/render-notice';

const HK = { language: 'zh-Hant' as const, timezone: 'Asia/Hong_Kong' };
const VAN = { language: 'en' as const, timezone: 'America/Vancouver' };
const at = '2031-09-15T01:00:00.000Z'; // 09:00 in Hong Kong, 18:00 the day before in Vancouver
const moment = { at, otherZone: 'Asia/Hong_Kong', otherName: 'Harbour Pay' };

const SAMPLES: [TemplatedKind, NoticeParams][] = [
  [
    'schedule.published',
    {
      session: 'HK–Canada ICT',
      company: 'Maple Channel',
      count: 1,
      republished: 'yes',
      agenda: {
        line: 'schedule.published.meeting',
        items: [
          { startsAt: moment, partner: 'Harbour Pay', country: 'HK', place: 'table', table: 3 },
        ],
      },
      changes: {
        line: 'schedule.published.change',
        items: [
          {
            change: 'moved',
            partner: 'Harbour Pay',
            country: 'HK',
            startsAt: moment,
            from: { ...moment, at: '2031-09-15T00:00:00.000Z' },
          },
        ],
      },
    },
  ],
  [
    'meeting.changed',
    {
      change: 'cancelled',
      session: 'S',
      company: 'Maple Channel',
      partner: 'Harbour Pay',
      country: 'HK',
      startsAt: moment,
      cancelledBy: 'partner',
    },
  ],
  [
    'meeting.reminder',
    {
      session: 'S',
      company: 'Maple Channel',
      partner: 'Harbour Pay',
      country: 'HK',
      startsAt: moment,
      unit: 'minutes',
      amount: 15,
      place: 'video',
      table: 0,
    },
  ],
  [
    'requests.digest',
    {
      day: '2031-09-14',
      count: 2,
      requests: {
        line: 'requests.digest.request',
        items: [
          {
            fromCompany: 'Harbour Pay',
            fromCountry: 'HK',
            toCompany: 'Maple Channel',
            session: 'S',
            startsAt: moment,
          },
          {
            fromCompany: 'Kowloon Ledger',
            fromCountry: 'HK',
            toCompany: 'Maple Channel',
            session: 'S',
            startsAt: moment,
          },
        ],
      },
    },
  ],
  [
    'company.verification',
    { company: 'Maple Channel', status: 'rejected', hasReason: 'yes', reason: 'No registry.' },
  ],
  [
    'application.decided',
    {
      company: 'Maple Channel',
      delegation: 'Fintech mission',
      city: 'Hong Kong',
      startsOn: '2031-10-01',
      endsOn: '2031-10-05',
      status: 'waitlisted',
      promoted: 'no',
      hasReason: 'no',
      reason: '',
    },
  ],
  ['announcement', { session: 'S', from: 'Organiser', text: 'Coffee in hall B' }],
  [
    'agreement.expiring',
    {
      agreement: 'ICT cooperation MOU',
      partner: 'Canada',
      expiresOn: Date.parse('2003-05-17T12:00:00Z'),
      days: 167,
    },
  ],
  [
    'opportunity.digest',
    {
      week: '2031-09-15',
      company: 'Maple Channel',
      count: 2,
      posts: {
        line: 'opportunity.digest.post',
        items: [
          {
            title: 'NFC terminals for retail',
            kind: 'offer',
            poster: 'Harbour Pay',
            hasPartner: 'no',
            partnerCountry: '',
            score: 87,
            hasDeadline: 'no',
            deadline: '',
          },
          {
            title: 'Digital identity for Oulu',
            kind: 'project',
            poster: '',
            hasPartner: 'yes',
            partnerCountry: 'FI',
            score: 52,
            hasDeadline: 'yes',
            deadline: { at },
          },
        ],
      },
    },
  ],
  [
    'seminar.reminder',
    {
      registrationId: 'r1',
      seminar: 'Smart cards and e-payment',
      kind: 'workshop',
      startsAt: { at },
      place: 'venue',
      venue: 'HKCEC Room S421',
      hasVideo: 'yes',
    },
  ],
  [
    'seminar.registration',
    { seminar: 'Smart cards and e-payment', company: 'Harbour Pay', startsAt: { at } },
  ],
  [
    'meeting.changed',
    {
      change: 'moved',
      session: 'S',
      company: 'Maple Channel',
      partner: 'Harbour Pay',
      country: 'HK',
      startsAt: moment,
      from: { ...moment, at: '2031-09-15T00:00:00.000Z' },
      cancelledBy: 'organisers',
      place: 'table',
      table: 4,
    },
  ],
];

describe('the words of the events', () => {
  it.each(SAMPLES)('%s has a title, body and action in both languages', (kind, params) => {
    for (const reader of [HK, VAN]) {
      const words = renderNotice(kind, params, reader);
      for (const text of [words.title, words.body, words.action]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
      }
    }
  });

  it('writes an agenda one line a meeting, in the reader’s zone beside the partner’s', () => {
    const [, params] = SAMPLES[0];
    const en = renderNotice('schedule.published', params, VAN);
    expect(en.title).toBe('Your agenda in “HK–Canada ICT” changed');
    expect(en.body).toContain('• Moved: with Harbour Pay (HK), from Sun, 14 Sept 2031, 17:00');
    expect(en.body).toMatch(
      /• Sun, 14 Sept 2031, 18:00 \S+ \(Harbour Pay: Mon, 15 Sept 2031, 09:00 \S+\): Harbour Pay \(HK\), table 3/,
    );
    const zh = renderNotice('schedule.published', params, HK);
    expect(zh.body).toContain('Maple Channel 共有 1 場會面：');
    expect(zh.body).toMatch(/• 2031年9月15日.*09:00.*：Harbour Pay（HK），第 3 桌/);
  });

  it('tells a meeting an organiser moved or booked: from when to when, and where', () => {
    const [, params] = SAMPLES[SAMPLES.length - 1];
    const en = renderNotice('meeting.changed', params, VAN);
    expect(en.title).toBe('Your meeting with Harbour Pay moved');
    expect(en.body).toMatch(
      /from Sun, 14 Sept 2031, 17:00 .* to Sun, 14 Sept 2031, 18:00 .*table 4/,
    );
    const zh = renderNotice('meeting.changed', { ...params, change: 'added' }, HK);
    expect(zh.title).toBe('與 Harbour Pay 的新會面');
  });

  it('reminds of a seminar in the reader’s zone, with its place', () => {
    const [, params] = SAMPLES.find(([kind]) => kind === 'seminar.reminder')!;
    const en = renderNotice('seminar.reminder', params, VAN);
    expect(en.title).toBe('“Smart cards and e-payment” is tomorrow');
    expect(en.body).toMatch(
      /the workshop .* begins at Sun, 14 Sept 2031, 18:00 .*, at HKCEC Room S421; it can also be joined by video/,
    );
    expect(renderNotice('seminar.reminder', params, HK).body).toContain(
      '工作坊「Smart cards and e-payment」將於 2031年9月15日',
    );
  });

  it('words a reminder’s lead in days, hours or minutes', () => {
    const [, params] = SAMPLES[2];
    const day = renderNotice('meeting.reminder', { ...params, unit: 'days', amount: 1 }, VAN);
    expect(day.title).toBe('Meeting with Harbour Pay in 1 day');
    expect(renderNotice('meeting.reminder', params, HK).title).toBe('15 分鐘後與 Harbour Pay 會面');
  });

  it('lists the posts of the weekly opportunities digest, deadlines in the reader’s zone', () => {
    const [, params] = SAMPLES.find(([kind]) => kind === 'opportunity.digest')!;
    const en = renderNotice('opportunity.digest', params, VAN);
    expect(en.title).toBe('2 new opportunities on the board for Maple Channel');
    expect(en.body).toContain(
      '• “NFC terminals for retail”: an offer from Harbour Pay, 87 % fit\n',
    );
    expect(en.body).toMatch(
      /• “Digital identity for Oulu”: a project of the organisers \(FI\), 52 % fit, until Sun, 14 Sept 2031, 18:00/,
    );
    const zh = renderNotice('opportunity.digest', params, HK);
    expect(zh.title).toBe('商機版上有 2 則適合 Maple Channel 的新貼文');
    expect(zh.body).toContain('「NFC terminals for retail」：Harbour Pay 的供應，契合度 87%');
  });

  it('gives the organiser’s reason of a rejection', () => {
    const [, params] = SAMPLES[4];
    expect(renderNotice('company.verification', params, VAN).body).toContain(
      'Their reason: “No registry.”',
    );
    expect(renderNotice('company.verification', params, HK).body).toContain(
      '原因：「No registry.」',
    );
  });
});
