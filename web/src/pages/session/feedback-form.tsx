import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type AgendaItem, type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../form-errors';
import { ErrorBox, Field, FieldMessages } from '../../ui';
import { OUTCOMES } from '../../../../src/meetings/meeting.wire';

/** The ratings offered, each with its words (`feedback.stars.<n>`). */
const RATINGS = [1, 2, 3, 4, 5] as const;

/** Rating 1–5, outcome and a comment, once per side, after the meeting. */
export function FeedbackForm({
  item,
  company,
  onGiven,
}: {
  item: AgendaItem;
  company: Membership;
  onGiven: () => void;
}) {
  const { t } = useI18n();
  const [rating, setRating] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('follow-up');
  const [comment, setComment] = useState('');
  const give = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/meetings/{id}/feedback', {
          params: { path: { id: item.id } },
          body: {
            // None chosen goes as null: the API's message shows beside the rating.
            rating: rating as number,
            outcome,
            companyId: company.companyId,
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          },
        }),
      ),
    onSuccess: onGiven,
  });
  const error = give.isError ? give.error : null;
  const fields = useFieldErrors(error);
  const formRef = useFocusFirstInvalid(error);
  // After success the form stays disabled until the agenda shows the feedback given.
  const busy = give.isPending || give.isSuccess;
  const id = (name: string) => `feedback-${item.id}-${name}`;

  return (
    <form
      ref={formRef}
      className="subform feedback"
      aria-label={t('feedback.title', { name: item.other.name })}
      onSubmit={(event) => {
        event.preventDefault();
        give.mutate();
      }}
      noValidate
    >
      <fieldset className={fields.rating ? 'invalid' : undefined}>
        <legend>{t('feedback.rating', { name: item.other.name })}</legend>
        <div className="choices rating">
          {RATINGS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={id('rating')}
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {t(`feedback.stars.${value}`)}
            </label>
          ))}
        </div>
        <FieldMessages messages={fields.rating} />
      </fieldset>
      <Field id={id('outcome')} label={t('feedback.outcome')} errors={fields.outcome}>
        <select
          id={id('outcome')}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as (typeof OUTCOMES)[number])}
        >
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`feedback.outcome.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('comment')} label={t('feedback.comment')} errors={fields.comment}>
        <textarea
          id={id('comment')}
          rows={2}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </Field>
      {error !== null && Object.keys(fields).length === 0 && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('feedback.submit')}
      </button>
    </form>
  );
}
