import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { useLiveSocket } from '../live-socket';
import type { ScheduledMeeting } from '../types';
import { DraftPanel } from './draft-panel';
import { DraftRemoved } from './draft-removed';
import { namer } from './name-of';
import { PlacementReportSection } from './placement-report';
import { ScheduleGrid } from './schedule-grid';
import { useBoard, type Board } from './use-board';
import { useDraft } from './use-draft';

/**
 * The schedule board: the published schedule as a grid of companies by slots, changed by hand,
 * or a draft under review with what it changes; the placement report of the one shown.
 */
export function ScheduleBoardPage({ id }: { id: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const board = useBoard(id);
  const draft = useDraft(id);
  const [showDraft, setShowDraft] = useState(false);
  const socket = useLiveSocket();
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
        {(value) => {
          const shown = showDraft ? (draft.data ?? null) : null;
          return (
            <>
              <p className="lead">{value.session.title}</p>
              <DraftPanel
                session={value.session}
                draft={draft.data ?? null}
                showing={shown !== null}
                onShow={setShowDraft}
                socket={socket}
              />
              <ScheduleGrid board={value} draft={shown} onChanged={changed(value)} />
              {shown && <DraftRemoved draft={shown} board={value} nameOf={namer(value.names)} />}
              <PlacementReportSection
                report={shown ? shown.report : value.schedule.report}
                names={value.names}
              />
            </>
          );
        }}
      </QueryLoaded>
    </main>
  );
}
