import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import type { Participant } from '../types';

/** A page of participants: name, country, city, sectors, when they joined. */
export function ParticipantsTable({ participants }: { participants: Participant[] }) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('company.name')}</th>
            <th scope="col">{t('org.companies.country')}</th>
            <th scope="col">{t('company.city')}</th>
            <th scope="col">{t('company.sectors')}</th>
            <th scope="col">{t('org.participants.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((participant) => (
            <tr key={participant.companyId}>
              <td>{participant.name}</td>
              <td>{names.country(participant.country)}</td>
              <td>{participant.city}</td>
              <td>{names.taxonomy(participant.sectors)}</td>
              <td>{dateTime(participant.joinedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
