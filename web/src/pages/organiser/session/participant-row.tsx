import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmButton } from '../../../confirm';
import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { ErrorBox } from '../../../ui';
import type { Participant } from '../types';
import { AvailabilityEditor } from './availability-editor';
import { useRemoveParticipant } from './use-participants';

/**
 * One participant: name, country, city, sectors, availability, when it joined, a link to act in
 * its name (its own view of the session), and, while participants may still change, editing its
 * availability and removing it (after asking).
 */
export function ParticipantRow({
  participant,
  timezone,
  editable,
}: {
  participant: Participant;
  timezone: string;
  /** The session takes changes of participants (draft, open, scheduled). */
  editable: boolean;
}) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  const [editing, setEditing] = useState(false);
  const remove = useRemoveParticipant(participant.sessionId, participant.companyId);
  const name = participant.name;
  return (
    <>
      <tr>
        <td>{name}</td>
        <td>{names.country(participant.country)}</td>
        <td>{participant.city}</td>
        <td>{names.taxonomy(participant.sectors)}</td>
        <td>
          {participant.availability.length === 0
            ? t('org.participants.wholeSession')
            : participant.availability
                .map((window) => `${dateTime(window.from)} – ${dateTime(window.to)}`)
                .join('; ')}
        </td>
        <td>{dateTime(participant.joinedAt)}</td>
        <td>
          <div className="actions">
            <Link
              className="button secondary small"
              to={`/organise/sessions/${participant.sessionId}/act/${participant.companyId}`}
              aria-label={t('org.participants.actForNamed', { name })}
            >
              {t('org.participants.actFor')}
            </Link>
            {editable && (
              <>
                <button
                  type="button"
                  className="secondary small"
                  aria-expanded={editing}
                  aria-label={t('org.participants.editNamed', { name })}
                  onClick={() => setEditing((open) => !open)}
                >
                  {t('org.participants.edit')}
                </button>
                <ConfirmButton
                  label={t('org.participants.remove')}
                  accessibleLabel={t('org.participants.removeNamed', { name })}
                  className="danger small"
                  title={t('org.participants.removeTitle', { name })}
                  question={<p>{t('org.participants.removeQuestion', { name })}</p>}
                  confirmLabel={t('org.participants.removeConfirm')}
                  busy={remove.isPending}
                  onConfirm={() => remove.mutate()}
                />
              </>
            )}
          </div>
          {remove.isError && <ErrorBox error={remove.error} />}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7}>
            <AvailabilityEditor
              sessionId={participant.sessionId}
              companyId={participant.companyId}
              companyName={name}
              availability={participant.availability}
              timezone={timezone}
              onDone={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
