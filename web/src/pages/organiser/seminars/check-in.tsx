import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { keys } from '../../../queries';
import { useErrorText } from '../../../ui';
import { CHECK_IN_INPUT_MAX } from '../../../../../src/seminars/seminars.wire';
import type { Seminar } from '../../seminars/types';
import { CameraScanner } from './camera-scanner';

/** What one scan or typed code came to, worded for the person at the door. */
interface Outcome {
  id: number;
  tone: 'ok' | 'warn' | 'bad';
  text: string;
}

/**
 * The door: codes from the camera or typed, each answered with a clear line (checked in, already
 * in at a time, not for this seminar, no seat), newest first. The list of registrations is
 * refetched after each check-in.
 */
export function CheckInDesk({ seminar }: { seminar: Seminar }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const add = (tone: Outcome['tone'], text: string) =>
    setOutcomes((current) =>
      [{ id: Date.now() + Math.random(), tone, text }, ...current].slice(0, 20),
    );

  const checkIn = useMutation({
    mutationFn: (code: string) =>
      call(
        client.POST('/api/seminars/{id}/check-in', {
          params: { path: { id: seminar.id } },
          body: { code },
        }),
      ),
    onSuccess: (done) => {
      add(
        'ok',
        t('seminars.result.in', {
          name: done.registration.userName,
          company: done.registration.companyName,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: keys.seminar(seminar.id) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'check_in.already') {
        add(
          'warn',
          t('seminars.result.already', { time: dateTime(String(error.details.checkedInAt)) }),
        );
      } else if (error instanceof ApiError && error.code === 'check_in.no_seat') {
        add(
          'bad',
          t(
            error.details.status === 'waitlisted'
              ? 'seminars.result.waitlisted'
              : 'seminars.result.withdrawn',
          ),
        );
      } else if (
        error instanceof ApiError &&
        (error.code === 'check_in_code.not_found' || error.status === 400)
      ) {
        add('bad', t('seminars.result.notHere'));
      } else {
        add('bad', errorText(error));
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() === '') return;
    checkIn.mutate(typed.trim());
    setTyped('');
  };

  return (
    <>
      <CameraScanner onCode={(code) => checkIn.mutate(code.slice(0, CHECK_IN_INPUT_MAX))} />
      <form onSubmit={submit} className="typed-code">
        <div className="field">
          <label htmlFor="check-in-code">{t('seminars.typed.label')}</label>
          <input
            id="check-in-code"
            value={typed}
            maxLength={CHECK_IN_INPUT_MAX}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
          />
          <small>{t('seminars.typed.hint')}</small>
        </div>
        <button type="submit" disabled={checkIn.isPending}>
          {checkIn.isPending ? t('common.saving') : t('seminars.typed.submit')}
        </button>
      </form>
      <ol className="check-in-results" aria-live="polite" aria-label={t('seminars.results')}>
        {outcomes.map((outcome) => (
          <li key={outcome.id} className={`check-in-result ${outcome.tone}`}>
            {outcome.text}
          </li>
        ))}
      </ol>
    </>
  );
}
