import type { Company } from '../../api';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';

/** One firm of the directory: its name (a link to its profile), place, sectors and offers. */
export function DirectoryRow({ company }: { company: Company }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <li className="card">
      <h3>
        <CompanyLink id={company.id} name={company.name} />
      </h3>
      <div className="muted">
        {company.city}, {names.country(company.country)}
      </div>
      {company.sectors.length > 0 && <div>{names.taxonomy(company.sectors)}</div>}
      {company.offers.length > 0 && (
        <div>
          {t('org.companies.offers')}: {company.offers.join(', ')}
        </div>
      )}
    </li>
  );
}
