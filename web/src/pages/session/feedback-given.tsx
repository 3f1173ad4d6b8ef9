import type { AgendaItem } from '../../api';
import { useI18n } from '../../i18n';

/** The feedback this company gave on a meeting. */
export function FeedbackGiven({ feedback }: { feedback: NonNullable<AgendaItem['feedback']> }) {
  const { t } = useI18n();
  return (
    <p className="feedback-given">
      {t('feedback.given', {
        rating: feedback.rating,
        outcome: t(`feedback.outcome.${feedback.outcome}`),
      })}
      {feedback.comment && (
        <>
          {' · '}
          <q>{feedback.comment}</q>
        </>
      )}
    </p>
  );
}
