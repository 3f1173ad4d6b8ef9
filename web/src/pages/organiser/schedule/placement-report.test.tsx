import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../i18n';
import { renderInApp } from '../../../testing/render';
import type { Participant, PlacementReport } from '../types';
import { PlacementReportSection } from './placement-report';

const names = new Map<string, Participant>(
  [
    ['a', 'Harbour Pay'],
    ['b', 'Maple Ledger'],
    ['c', 'Yukon Secure'],
  ].map(([companyId, name]) => [companyId, { companyId, name } as Participant]),
);
const report = (gaps: PlacementReport['gaps']): PlacementReport => ({
  requested: { mutual: 1, accepted: 2, pending: 0 },
  placed: { mutual: 1, accepted: 2, pending: 0, score: 1 },
  placedShare: 1,
  unplaced: [],
  meetings: 4,
  gaps,
  solverMs: 12,
});
const threeGaps = report({
  totalBreaks: 3,
  breakSpread: 2,
  companiesWithBreaks: 2,
  idleMinutes: 140,
  companies: [
    { companyId: 'a', breaks: 2, idleSlots: 3, idleMinutes: 80 },
    { companyId: 'b', breaks: 1, idleSlots: 2, idleMinutes: 60 },
    { companyId: 'c', breaks: 0, idleSlots: 0, idleMinutes: 0 },
  ],
});

const rows = () =>
  within(screen.getByRole('table', { name: /gaps|空檔/i }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);

describe('PlacementReportSection: gaps', () => {
  it.each<[Language, string, string[]]>([
    [
      'en',
      '3 gaps in total across 2 firms (2 h 20 min idle); the firms differ by at most 2 gaps.',
      ['Harbour Pay21 h 20 min', 'Maple Ledger11 h'],
    ],
    [
      'zh-Hant',
      '共 3 個空檔，分佈在 2 家公司（閒置 2 小時 20 分鐘）；各公司的空檔數目最多相差 2 個。',
      ['Harbour Pay21 小時 20 分鐘', 'Maple Ledger11 小時'],
    ],
  ])(
    '%s: totals the gaps, and lists the firms with gaps and their idle time',
    (language, total, listed) => {
      renderInApp(<PlacementReportSection report={threeGaps} names={names} />, { language });
      expect(screen.getByText(total)).toBeTruthy();
      // Only the firms with gaps, most first.
      expect(rows()).toEqual(listed);
    },
  );

  it('counts one gap and one firm in the singular', () => {
    renderInApp(
      <PlacementReportSection
        report={report({
          totalBreaks: 1,
          breakSpread: 1,
          companiesWithBreaks: 1,
          idleMinutes: 40,
          companies: [
            { companyId: 'b', breaks: 1, idleSlots: 1, idleMinutes: 40 },
            { companyId: 'a', breaks: 0, idleSlots: 0, idleMinutes: 0 },
          ],
        })}
        names={names}
      />,
    );
    expect(
      screen.getByText(
        '1 gap in total across 1 firm (40 min idle); the firms differ by at most 1 gap.',
      ),
    ).toBeTruthy();
  });

  it.each<[Language, string]>([
    ['en', 'No gaps: each firm’s meetings follow one another.'],
    ['zh-Hant', '沒有空檔：每家公司的會面都一個接一個。'],
  ])('%s: says when no firm has a gap, with no list', (language, text) => {
    renderInApp(
      <PlacementReportSection
        report={report({
          totalBreaks: 0,
          breakSpread: 0,
          companiesWithBreaks: 0,
          idleMinutes: 0,
          companies: [{ companyId: 'a', breaks: 0, idleSlots: 0, idleMinutes: 0 }],
        })}
        names={names}
      />,
      { language },
    );
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /gaps|空檔/i })).toBeNull();
  });
});
