import { useI18n } from '../../../i18n';
import type { ScheduledMeeting } from '../types';

/**
 * A company's slot on the board: free, or the firm it meets there with the meeting's status and
 * table; the firm's name is a button that opens the meeting's actions.
 */
export function MeetingCell({
  companyId,
  startsAt,
  meeting,
  selected,
  nameOf,
  onSelect,
}: {
  companyId: string;
  startsAt: string;
  meeting: ScheduledMeeting | undefined;
  selected: boolean;
  nameOf: (companyId: string) => string;
  onSelect: () => void;
}) {
  const { t, time } = useI18n();
  if (!meeting)
    return (
      <td className="free">
        <span className="visually-hidden">{t('org.board.free')}</span>
      </td>
    );
  const other = meeting.companyIds.find((side) => side !== companyId)!;
  const status = t(`org.meeting.${meeting.status}`);
  return (
    <td className={`cell ${meeting.status}`}>
      <button
        type="button"
        className="link"
        aria-pressed={selected}
        aria-label={t('org.board.cell', { other: nameOf(other), time: time(startsAt), status })}
        onClick={onSelect}
      >
        {nameOf(other)}
      </button>
      <small>
        {status}
        {meeting.table !== undefined && ` · ${t('org.board.table', { table: meeting.table })}`}
      </small>
    </td>
  );
}
