import { Link, useSearchParams } from 'react-router';
import type { Membership, User } from '../../api';
import { useFieldErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { Pager } from '../organiser/pager';
import { ActingFor } from '../session/acting-for';
import { BoardFiltersForm } from './board-filters';
import { boardParams, boardQuery, boardState, type BoardState } from './filters';
import { PostCard } from './post-card';
import { canPost, verifiedCompanies } from './who';
import { useBoard } from './use-opportunities';

/**
 * The opportunities board (`/opportunities`), for every signed-in user: the open posts, searched
 * and filtered, 20 a page; for a firm, ranked for its company (chosen when it has several) with
 * the score and the reasons in words. The filters, the page and the company live in the address.
 */
export function BoardPage({ user, companies }: { user: User; companies: Membership[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const verified = verifiedCompanies(companies);
  const ids = verified.map((company) => company.companyId);
  const state = boardState(params, ids);
  const board = useBoard(boardQuery(state));
  const fields = useFieldErrors(board.isError ? board.error : null);
  const go = (next: BoardState) => setParams(boardParams(next, ids));
  const rankedFor = verified.find((company) => company.companyId === state.companyId);

  return (
    <main>
      <h1>{t('opportunities.title')}</h1>
      <p className="lead">{t('opportunities.lead')}</p>
      {canPost(user, companies) && (
        <p>
          <Link className="button" to="/opportunities/new">
            {t('opportunities.new')}
          </Link>
        </p>
      )}
      {verified.length > 1 && (
        <ActingFor
          companies={verified}
          value={state.companyId}
          onChange={(companyId) => go({ ...state, companyId, page: 1 })}
        />
      )}
      <BoardFiltersForm
        // The address changed (back, forward, a link): the form shows its filters.
        key={params.toString()}
        initial={state.filters}
        fields={fields}
        onSearch={(filters) => go({ ...state, filters, page: 1 })}
      />
      {board.isError && Object.keys(fields).length > 0 ? null : (
        <QueryLoaded query={board}>
          {(list) => (
            <section aria-labelledby="board-results">
              <h2 id="board-results">{t('opportunities.results', { count: list.total })}</h2>
              {rankedFor && list.total > 0 && (
                <p className="muted">{t('opportunities.rankedFor', { name: rankedFor.name })}</p>
              )}
              {list.items.length === 0 ? (
                <p className="muted">{t('opportunities.none')}</p>
              ) : (
                <ol className="cards opportunities">
                  {list.items.map((post) => (
                    <PostCard key={post.id} post={post} />
                  ))}
                </ol>
              )}
              <Pager {...list} onPage={(page) => go({ ...state, page })} />
            </section>
          )}
        </QueryLoaded>
      )}
    </main>
  );
}
