import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { Deadline, FitReasons, KindBadge, Poster, Score } from './post-details';
import type { Opportunity } from './types';

/** One post on the board: its title (a link to it), kind, poster, deadline, fit and why. */
export function PostCard({ post }: { post: Opportunity }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <li className="card opportunity">
      <div className="match-head">
        <h3>
          <Link to={`/opportunities/${post.id}`}>{post.title}</Link>
        </h3>
        {post.score !== null && <Score score={post.score} />}
      </div>
      <div>
        <KindBadge kind={post.kind} /> <Poster post={post} />
      </div>
      <div className="muted">
        <Deadline deadline={post.deadline} />
      </div>
      {post.sectors.length > 0 && <div>{names.taxonomy(post.sectors)}</div>}
      {post.countries.length > 0 && (
        <div className="muted">
          {t('opportunities.countries')}: {names.countries(post.countries)}
        </div>
      )}
      <FitReasons reasons={post.reasons} />
    </li>
  );
}
