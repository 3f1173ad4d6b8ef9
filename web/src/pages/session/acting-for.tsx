import type { Membership } from '../../api';
import { useI18n } from '../../i18n';

/** The choice of company to act for, when the user has more than one verified. */
export function ActingFor({
  companies,
  value,
  onChange,
}: {
  companies: Membership[];
  value: string;
  onChange: (companyId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <p>
      <label htmlFor="acting-for">{t('session.as')} </label>
      <select id="acting-for" value={value} onChange={(event) => onChange(event.target.value)}>
        {companies.map((candidate) => (
          <option key={candidate.companyId} value={candidate.companyId}>
            {candidate.name}
          </option>
        ))}
      </select>
    </p>
  );
}
