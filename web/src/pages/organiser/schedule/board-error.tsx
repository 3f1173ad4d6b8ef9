import { ApiError } from '../../../api';
import { useI18n } from '../../../i18n';
import { useErrorText } from '../../../ui';

/** A meeting of the board as a refusal may name it. */
interface NamedMeeting {
  id?: string;
  companyIds: string[];
  startsAt: string;
}

/**
 * The server's refusal of a board change, in words, with a sentence naming what is in the way:
 * the meeting (its two firms and time) or the firm the 409's details point at.
 */
export function BoardError({
  error,
  meetings,
  nameOf,
}: {
  error: unknown;
  meetings: readonly NamedMeeting[];
  nameOf: (companyId: string) => string;
}) {
  const { t, dateTime } = useI18n();
  const text = useErrorText();
  const details = error instanceof ApiError ? error.details : {};
  const inTheWay = meetings.find((meeting) => meeting.id && meeting.id === details.meetingId);
  const firm = typeof details.companyId === 'string' ? details.companyId : null;
  return (
    <div className="error" role="alert">
      <span>{text(error)}</span>
      {inTheWay && (
        <span>
          {' '}
          {t('org.board.inTheWay', {
            company: nameOf(inTheWay.companyIds[0]),
            other: nameOf(inTheWay.companyIds[1]),
            time: dateTime(inTheWay.startsAt),
          })}
        </span>
      )}
      {!inTheWay && firm && <span> {t('org.board.firm', { company: nameOf(firm) })}</span>}
    </div>
  );
}
