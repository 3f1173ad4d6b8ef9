import type { Company } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { useNames } from '../../names';

/** What the firm registered: sectors and kinds by their labels, countries and languages by name. */
export function ProfileFacts({ company }: { company: Company }) {
  const { t } = useI18n();
  const names = useNames();
  const facts: [MessageKey, string][] = [
    ['company.sectors', names.taxonomy(company.sectors)],
    ['profile.partnerTypes', names.taxonomy(company.partnerTypes)],
    ['org.companies.offers', company.offers.join(', ')],
    ['org.companies.seeks', company.seeks.join(', ')],
    ['org.companies.markets', names.countries(company.targetMarkets)],
    ['org.companies.languages', names.languages(company.languages)],
    ['company.employees', company.employees],
  ];
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
