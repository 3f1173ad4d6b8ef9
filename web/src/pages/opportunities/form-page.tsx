import { Link } from 'react-router';
import type { Membership, User } from '../../api';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { isOrganiserRole } from '../delegations/types';
import { OpportunityForm } from './opportunity-form';
import type { Opportunity } from './types';
import { useOpportunity } from './use-opportunities';
import { verifiedCompanies } from './who';

/**
 * `/opportunities/new` and `/opportunities/:id/edit`: an organiser posts a government project or
 * market information, a firm's user an offer or request for a verified company.
 */
export function OpportunityFormPage({
  id,
  user,
  companies,
}: {
  id?: string;
  user: User;
  companies: Membership[];
}) {
  const { t } = useI18n();
  const organiser = isOrganiserRole(user);
  const verified = verifiedCompanies(companies);
  const post = useOpportunity(id ?? '', '', id !== undefined);
  const page = (current?: Opportunity) =>
    current && !current.canEdit ? (
      <p>{t('common.notFound')}</p>
    ) : (
      <>
        <h1>
          {current
            ? t('opportunities.form.editTitle', { title: current.title })
            : t('opportunities.form.newTitle')}
        </h1>
        {organiser || verified.length > 0 || current ? (
          <OpportunityForm
            post={current}
            organiser={current ? current.company === null : organiser}
            companies={verified}
          />
        ) : (
          <p className="notice">{t('opportunities.form.noCompany')}</p>
        )}
      </>
    );
  return (
    <main>
      <Link to={id ? `/opportunities/${id}` : '/opportunities'}>
        ← {id ? t('common.back') : t('opportunities.back')}
      </Link>
      {id ? <QueryLoaded query={post}>{page}</QueryLoaded> : page()}
    </main>
  );
}
