import { useMutation, useQuery } from '@tanstack/react-query';
import type { ProgrammeReport } from '../../../../../src/programme/programme.wire';
import { download } from '../../../api';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';

export interface ProgrammeFilter {
  year: number | null;
  partnerId: string | null;
}

const queryOf = ({ year, partnerId }: ProgrammeFilter) => ({
  ...(year === null ? {} : { year }),
  ...(partnerId === null ? {} : { partnerId }),
});

/** The programme report (`GET /api/programme/report`) for a year and a partner, or all. */
export function useProgrammeReport(filter: ProgrammeFilter) {
  return useQuery({
    queryKey: keys.programmeReport(filter.year, filter.partnerId),
    // The route answers JSON, or CSV when asked for it (useProgrammeCsv): this is the JSON.
    queryFn: async () =>
      (await call(
        client.GET('/api/programme/report', { params: { query: queryOf(filter) } }),
      )) as ProgrammeReport,
  });
}

/** The report as a CSV file, fetched with the bearer token and saved. */
export function useProgrammeCsv(filter: ProgrammeFilter) {
  return useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/programme/report', {
          params: { query: { ...queryOf(filter), format: 'csv' } },
          parseAs: 'blob',
        }),
        `programme-report-${filter.year ?? 'all-years'}.csv`,
      ),
  });
}
