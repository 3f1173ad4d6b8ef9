import { useState } from 'react';
import { Link } from 'react-router';
import type { Membership, User } from '../../api';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { isOrganiserRole } from '../delegations/types';
import { InterestForm } from './interest-form';
import { InterestList } from './interest-list';
import { OwnerActions } from './owner-actions';
import { Deadline, FitReasons, KindBadge, Poster, PostFacts, Score } from './post-details';
import { useOpportunity } from './use-opportunities';
import { verifiedCompanies } from './who';

/**
 * A post in full (`/opportunities/:id`): what it is, from whom, until when, its source, and what
 * the reader may do: show interest (a firm), or edit, delete and read who showed interest (its
 * poster and organisers, who also download that list).
 */
export function OpportunityPage({
  id,
  user,
  companies,
}: {
  id: string;
  user: User;
  companies: Membership[];
}) {
  const { t } = useI18n();
  const verified = verifiedCompanies(companies);
  const [companyId, setCompanyId] = useState(verified[0]?.companyId ?? '');
  const opportunity = useOpportunity(id, companyId);
  return (
    <main>
      <Link to="/opportunities">← {t('opportunities.back')}</Link>
      <QueryLoaded query={opportunity}>
        {(post) => {
          const own = companies.some((company) => company.companyId === post.company?.id);
          return (
            <article className="opportunity">
              <div className="match-head">
                <h1>{post.title}</h1>
                {post.score !== null && <Score score={post.score} />}
              </div>
              <p>
                <KindBadge kind={post.kind} /> <Poster post={post} />
              </p>
              <p className="muted">
                <Deadline deadline={post.deadline} />
              </p>
              <p className="description">{post.description}</p>
              <FitReasons reasons={post.reasons} />
              <PostFacts post={post} />
              {post.link && (
                <p>
                  <a href={post.link} target="_blank" rel="noopener noreferrer">
                    {t('opportunities.source')}
                  </a>
                </p>
              )}
              {post.canEdit ? (
                <OwnerActions post={post} own={own} />
              ) : verified.length === 0 ? (
                <p className="muted">{t('opportunities.interest.noCompany')}</p>
              ) : (
                post.open && (
                  <InterestForm
                    key={companyId}
                    post={post}
                    companies={verified}
                    companyId={companyId}
                    onCompany={setCompanyId}
                  />
                )
              )}
              {post.interestCount !== null && (
                <InterestList post={post} csv={isOrganiserRole(user)} />
              )}
            </article>
          );
        }}
      </QueryLoaded>
    </main>
  );
}
