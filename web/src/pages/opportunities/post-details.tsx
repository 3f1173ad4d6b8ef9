import { useState } from 'react';
import { CompanyLink } from '../../company-link';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import { useNames } from '../../names';
import { reasonWords } from '../../reasons';
import { Facts } from '../../ui';
import { daysUntil } from '../../zoned-time';
import type { Opportunity } from './types';

/** The kind of a post as a word ("Government project"). */
export function KindBadge({ kind }: { kind: Opportunity['kind'] }) {
  const { t } = useI18n();
  return <span className={`badge kind-${kind}`}>{t(`opportunities.kind.${kind}`)}</span>;
}

/**
 * Who a post comes from: the posting firm, a link to its profile; for an organiser's post, the
 * partner economy it concerns.
 */
export function Poster({ post }: { post: Opportunity }) {
  const { t } = useI18n();
  const names = useNames();
  if (post.company)
    return (
      <span>
        {t('opportunities.by')}: <CompanyLink id={post.company.id} name={post.company.name} />
      </span>
    );
  if (post.partnerCountry)
    return (
      <span>
        {t('opportunities.partnerEconomy')}: {names.country(post.partnerCountry)}
      </span>
    );
  return null;
}

/**
 * When a post closes, in the reader's words and time zone: "Closes in 12 days (Dec 19, 2026,
 * 11:59 PM)", "Closes today (…)", "Closed on …" (seen by its poster and organisers only).
 */
export function Deadline({ deadline }: { deadline: string | null }) {
  const { t, dateTime } = useI18n();
  // The day is told as of when the page showed it.
  const [now] = useState(() => new Date());
  if (deadline === null) return <span>{t('opportunities.noDeadline')}</span>;
  const date = dateTime(deadline);
  const closed = Date.parse(deadline) <= now.getTime();
  return (
    <time dateTime={deadline}>
      {closed
        ? t('opportunities.closed', { date })
        : t('opportunities.closesIn', { days: daysUntil(deadline, VIEWER_ZONE, now), date })}
    </time>
  );
}

/** How well a post fits the reader's company, as a match's score. */
export function Score({ score }: { score: number }) {
  const { t } = useI18n();
  const rounded = Math.round(score);
  return (
    <span className="score" role="img" aria-label={t('opportunities.score', { score: rounded })}>
      {rounded}
    </span>
  );
}

/** Why a post fits the reader's company, in words, strongest first (reasons worth nothing left out). */
export function FitReasons({ reasons }: { reasons: Opportunity['reasons'] }) {
  const i18n = useI18n();
  const said = reasons.filter((reason) => reason.value > 0);
  if (said.length === 0) return null;
  return (
    <ul className="reasons">
      {said.map((reason) => (
        <li key={reason.component}>{reasonWords(reason, i18n)}</li>
      ))}
    </ul>
  );
}

/** Sectors, countries and partnership kinds by their words. */
export function PostFacts({ post }: { post: Opportunity }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <Facts
      facts={[
        [t('company.sectors'), names.taxonomy(post.sectors)],
        [t('opportunities.countries'), names.countries(post.countries)],
        [t('profile.partnerTypes'), names.taxonomy(post.partnerTypes)],
      ]}
    />
  );
}
