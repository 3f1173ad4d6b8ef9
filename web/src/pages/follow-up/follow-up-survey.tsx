import { useState, type FormEvent } from 'react';
import { OUTCOMES, type Outcome } from '../../../../src/meetings/meeting.wire';
import {
  MAX_FOLLOW_UP_NOTE,
  VALUE_BANDS,
  type ValueBand,
  type WireFollowUp,
  type WireFollowUpMeeting,
} from '../../../../src/follow-ups/follow-ups.wire';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { countryName } from '../../names';
import { ErrorBox, Field, Loading } from '../../ui';
import { useAnswerFollowUp, useFollowUp } from './follow-up-api';

interface Draft {
  outcome: Outcome | '';
  valueBand: ValueBand | '';
  note: string;
}

const EMPTY: Draft = { outcome: '', valueBand: '', note: '' };

/** The survey a link names, or a sentence saying why the link does not work. */
export function FollowUpSurvey({ surveyKey }: { surveyKey: string }) {
  const { t } = useI18n();
  const shown = useFollowUp(surveyKey);
  let body;
  if (shown.isPending) body = <Loading />;
  else if (shown.isError)
    body = <LinkProblem error={shown.error} retry={() => void shown.refetch()} />;
  else body = <SurveyForm surveyKey={surveyKey} followUp={shown.data} />;
  return (
    <main className="narrow follow-up">
      <h1>{t('followUps.title')}</h1>
      {body}
    </main>
  );
}

function LinkProblem({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 410)
    return <p role="alert">{t('followUps.expired')}</p>;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400))
    return <p role="alert">{t('followUps.invalid')}</p>;
  return <ErrorBox error={error} onRetry={retry} />;
}

function SurveyForm({ surveyKey, followUp }: { surveyKey: string; followUp: WireFollowUp }) {
  const { t, language, dateTime } = useI18n();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [missing, setMissing] = useState(false);
  const save = useAnswerFollowUp(surveyKey);
  const { company, session } = followUp;

  const set = (meetingId: string, patch: Partial<Draft>) => {
    setMissing(false);
    save.reset();
    setDrafts((previous) => ({
      ...previous,
      [meetingId]: { ...(previous[meetingId] ?? EMPTY), ...patch },
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answers = followUp.meetings.flatMap((meeting) => {
      const draft = drafts[meeting.meetingId];
      if (!draft?.outcome) return [];
      return [
        {
          meetingId: meeting.meetingId,
          outcome: draft.outcome,
          valueBand: draft.valueBand || null,
          note: draft.note.trim() || null,
        },
      ];
    });
    if (answers.length === 0) {
      setMissing(true);
      return;
    }
    save.mutate({ answers }, { onSuccess: () => setDrafts({}) });
  };

  return (
    <>
      <p>
        {t('followUps.intro', {
          company: company.name,
          session: session.title,
          date: dateTime(session.startsAt, session.timezone),
          months: followUp.months,
        })}
      </p>
      {session.partner && (
        <p className="muted">
          {t('followUps.partner', { partner: countryName(session.partner.country, language) })}
        </p>
      )}
      {followUp.meetings.length === 0 ? (
        <p>{t('followUps.noMeetings')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {followUp.meetings.map((meeting) => (
            <MeetingAnswer
              key={meeting.meetingId}
              meeting={meeting}
              draft={drafts[meeting.meetingId] ?? EMPTY}
              onChange={(patch) => set(meeting.meetingId, patch)}
            />
          ))}
          {missing && <p role="alert">{t('followUps.chooseOne')}</p>}
          {save.error !== null && <ErrorBox error={save.error} />}
          {save.data && (
            <p role="status" className="saved">
              {t('followUps.saved', { count: save.data.saved })}
            </p>
          )}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('followUps.submit')}
          </button>
          <p className="muted">
            {t('followUps.linkUntil', { date: dateTime(followUp.expiresAt) })}
          </p>
        </form>
      )}
    </>
  );
}

function MeetingAnswer({
  meeting,
  draft,
  onChange,
}: {
  meeting: WireFollowUpMeeting;
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { t, language, dateTime } = useI18n();
  const id = meeting.meetingId;
  const other = meeting.otherCompany;
  return (
    <fieldset className="follow-up-meeting">
      <legend>
        {t('followUps.meeting', {
          other: other.name,
          country: countryName(other.country, language),
        })}
      </legend>
      <small>{t('followUps.heldAt', { date: dateTime(meeting.startsAt) })}</small>
      {meeting.feedbackOutcome && (
        <p className="muted">
          {t('followUps.feedback', { outcome: t(`followUps.outcome.${meeting.feedbackOutcome}`) })}
        </p>
      )}
      <div role="radiogroup" aria-label={t('followUps.outcomeLabel', { other: other.name })}>
        {OUTCOMES.map((outcome) => (
          <label key={outcome} className="choice">
            <input
              type="radio"
              name={`outcome-${id}`}
              value={outcome}
              checked={draft.outcome === outcome}
              onChange={() => onChange({ outcome })}
            />
            {t(`followUps.outcome.${outcome}`)}
          </label>
        ))}
      </div>
      <Field id={`band-${id}`} label={t('followUps.valueBand')}>
        <select
          id={`band-${id}`}
          value={draft.valueBand}
          onChange={(event) => onChange({ valueBand: event.target.value as ValueBand | '' })}
        >
          <option value="">{t('followUps.band.none')}</option>
          {VALUE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`followUps.band.${band}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`note-${id}`} label={t('followUps.note')}>
        <textarea
          id={`note-${id}`}
          rows={2}
          maxLength={MAX_FOLLOW_UP_NOTE}
          value={draft.note}
          onChange={(event) => onChange({ note: event.target.value })}
        />
      </Field>
      <History meeting={meeting} />
    </fieldset>
  );
}

/** Every answer so far, newest first: the first is what the organisers count now. */
function History({ meeting }: { meeting: WireFollowUpMeeting }) {
  const { t, dateTime } = useI18n();
  if (meeting.answers.length === 0) return <p className="muted">{t('followUps.noAnswers')}</p>;
  return (
    <div className="follow-up-history">
      <p>{t('followUps.history')}</p>
      <ul>
        {meeting.answers.map((answer, index) => (
          <li key={`${answer.answeredAt}-${index}`}>
            {t('followUps.answer', {
              date: dateTime(answer.answeredAt),
              outcome: t(`followUps.outcome.${answer.outcome}`),
            })}
            {answer.valueBand && ` · ${t(`followUps.band.${answer.valueBand}`)}`}
            {answer.note && ` · “${answer.note}”`}
          </li>
        ))}
      </ul>
    </div>
  );
}
