import { useI18n } from '../../../i18n';
import type { Participant } from '../types';
import { ParticipantRow } from './participant-row';

/**
 * A page of participants, with their availability, a way to act for each and, while they may
 * change, editing and removing them.
 */
export function ParticipantsTable({
  participants,
  timezone,
  editable,
}: {
  participants: Participant[];
  timezone: string;
  editable: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('company.name')}</th>
            <th scope="col">{t('org.companies.country')}</th>
            <th scope="col">{t('company.city')}</th>
            <th scope="col">{t('company.sectors')}</th>
            <th scope="col">{t('org.participants.availability')}</th>
            <th scope="col">{t('org.participants.joined')}</th>
            <th scope="col">{t('org.participants.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((participant) => (
            <ParticipantRow
              key={participant.companyId}
              participant={participant}
              timezone={timezone}
              editable={editable}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
