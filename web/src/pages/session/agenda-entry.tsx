import type { AgendaItem, Membership } from '../../api';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { MessageLink } from '../../message-link';
import { useNames } from '../../names';
import { zoneName } from '../../zoned-time';
import { CancelMeeting } from './cancel-meeting';
import { FeedbackForm } from './feedback-form';
import { FeedbackGiven } from './feedback-given';
import { useOrganiserActing } from './organiser-acting';

/** One meeting: when, with whom, where; feedback once it began, cancel before it begins. */
export function AgendaEntry({
  item,
  company,
  now,
  onChange,
  onCancelled,
}: {
  item: AgendaItem;
  company: Membership;
  now: number;
  onChange: () => void;
  onCancelled: () => void;
}) {
  const { t, dateTime, when, language } = useI18n();
  const names = useNames();
  const organiser = useOrganiserActing();
  // Feedback is taken once the meeting has begun (the API refuses it before: meeting.not_begun).
  const begun =
    item.status === 'held' || (item.status === 'scheduled' && Date.parse(item.startsAt) <= now);
  const future = item.status === 'scheduled' && Date.parse(item.startsAt) > now;
  return (
    <li>
      <time dateTime={item.startsAt}>
        {dateTime(item.startsAt)}–{when(item.endsAt, undefined, item.startsAt)}
      </time>
      <div>
        <strong>
          {item.other.id ? (
            <CompanyLink id={item.other.id} name={item.other.name} />
          ) : (
            item.other.name
          )}
        </strong>{' '}
        {item.other.id && (
          <>
            <MessageLink
              from={company.companyId}
              to={{ id: item.other.id, name: item.other.name }}
            />{' '}
          </>
        )}
        ({item.other.city}, {names.country(item.other.country)})
        {item.status !== 'scheduled' && (
          <>
            {' '}
            <span className={`badge ${item.status}`}>{t(`meeting.status.${item.status}`)}</span>
          </>
        )}
      </div>
      <div className="muted">
        {t('agenda.theirTime', {
          // With its date when the other firm's day is not the viewer's (their morning, our evening).
          time: when(item.startsAt, item.other.timezone, item.startsAt),
          zone: zoneName(item.other.timezone, language),
        })}
        {' · '}
        {item.table !== undefined ? t('agenda.table', { table: item.table }) : t('agenda.video')}
      </div>
      {begun &&
        (item.feedback ? (
          <FeedbackGiven feedback={item.feedback} />
        ) : organiser ? (
          <p className="muted">{t('org.actFor.feedbackByFirm')}</p>
        ) : (
          <FeedbackForm item={item} company={company} onGiven={onChange} />
        ))}
      {future && <CancelMeeting item={item} onCancelled={onCancelled} />}
    </li>
  );
}
