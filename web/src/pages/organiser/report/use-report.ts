import { useMutation, useQuery } from '@tanstack/react-query';
import { download } from '../../../api';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { SessionReport } from '../types';

/** The session's report (`GET /api/sessions/:id/report`). */
export function useReport(id: string) {
  return useQuery({
    queryKey: keys.report(id),
    // The route answers JSON, or CSV when asked for it (useReportCsv): this is the JSON.
    queryFn: async () =>
      (await call(
        client.GET('/api/sessions/{id}/report', { params: { path: { id } } }),
      )) as SessionReport,
  });
}

/** The session's meetings as a CSV file, a row per meeting (`GET /api/sessions/:id/meetings.csv`). */
export function useMeetingsCsv(id: string) {
  return useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/sessions/{id}/meetings.csv', {
          params: { path: { id } },
          parseAs: 'blob',
        }),
        `session-meetings-${id.slice(0, 8)}.csv`,
      ),
  });
}

/** The report as a CSV file, fetched with the bearer token and saved. */
export function useReportCsv(id: string) {
  return useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/sessions/{id}/report', {
          params: { path: { id }, query: { format: 'csv' } },
          parseAs: 'blob',
        }),
        `session-report-${id.slice(0, 8)}.csv`,
      ),
  });
}
