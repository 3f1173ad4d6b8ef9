import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import type { ScheduledMeeting } from '../types';
import { PlacementReportSection } from './placement-report';
import { ScheduleGrid } from './schedule-grid';
import { useBoard, type Board } from './use-board';
import { useSchedulePublished } from './use-schedule-published';

/** The published schedule as a grid of companies by slots, and its placement report. */
export function ScheduleBoardPage({ id }: { id: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const board = useBoard(id);
  useSchedulePublished(id);
  // A changed meeting replaces its old self on the board, without loading the board again.
  const changed = (value: Board) => (meeting: ScheduledMeeting) =>
    queryClient.setQueryData<Board>(keys.board(id), {
      ...value,
      schedule: {
        ...value.schedule,
        meetings: value.schedule.meetings.map((existing) =>
          existing.id === meeting.id ? { ...existing, ...meeting } : existing,
        ),
      },
    });
  return (
    <main className="wide">
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.board.title')}</h1>
      <QueryLoaded query={board}>
        {(value) => (
          <>
            <p className="lead">{value.session.title}</p>
            <ScheduleGrid board={value} onChanged={changed(value)} />
            <PlacementReportSection report={value.schedule.report} names={value.names} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
