import type { Company } from '../../api';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { Facts } from '../../ui';

/** What the firm registered: sectors and kinds by their labels, countries and languages by name. */
export function ProfileFacts({ company }: { company: Company }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <Facts
      facts={[
        [t('company.sectors'), names.taxonomy(company.sectors)],
        [t('profile.partnerTypes'), names.taxonomy(company.partnerTypes)],
        [t('org.companies.offers'), company.offers.join(', ')],
        [t('org.companies.seeks'), company.seeks.join(', ')],
        [t('org.companies.markets'), names.countries(company.targetMarkets)],
        [t('org.companies.languages'), names.languages(company.languages)],
        [t('company.employees'), company.employees],
      ]}
    />
  );
}
