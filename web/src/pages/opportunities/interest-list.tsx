import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import type { Opportunity } from './types';
import { useInterests, useInterestsCsv } from './use-opportunities';

/**
 * Who showed interest in a post (its poster and organisers see it): each firm, a link to its
 * profile, with its message and when; organisers also download the list as CSV.
 */
export function InterestList({ post, csv }: { post: Opportunity; csv: boolean }) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  const interests = useInterests(post.id, true);
  const file = useInterestsCsv(post.id);
  return (
    <section aria-labelledby="interests">
      <QueryLoaded query={interests}>
        {(list) => (
          <>
            <h2 id="interests">{t('opportunities.interests.title', { count: list.length })}</h2>
            {csv && list.length > 0 && (
              <p>
                <button
                  type="button"
                  className="secondary"
                  disabled={file.isPending}
                  onClick={() => file.mutate()}
                >
                  {file.isPending ? t('common.loading') : t('opportunities.interests.csv')}
                </button>
              </p>
            )}
            {file.isError && <ErrorBox error={file.error} />}
            <ul className="plain">
              {list.map((interest) => (
                <li key={interest.id} className="request">
                  <strong>
                    <CompanyLink id={interest.company.id} name={interest.company.name} />
                  </strong>{' '}
                  <span className="muted">
                    {names.country(interest.company.country)} ·{' '}
                    <time dateTime={interest.createdAt}>{dateTime(interest.createdAt)}</time>
                  </span>
                  {interest.message && <p className="interest-message">{interest.message}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryLoaded>
    </section>
  );
}
