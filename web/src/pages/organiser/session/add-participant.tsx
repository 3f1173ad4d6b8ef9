import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { ErrorBox } from '../../../ui';
import { useAddParticipant, useDirectorySearch } from './use-participants';

/** Finds verified companies in the directory by name and adds one to the session. */
export function AddParticipant({
  sessionId,
  takingPart,
}: {
  sessionId: string;
  /** Companies in the session already (on the page shown), offered no Add. */
  takingPart: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const names = useNames();
  const [q, setQ] = useState('');
  const search = useDirectorySearch(q);
  const add = useAddParticipant(sessionId);
  const added = add.isSuccess ? add.variables : null;
  return (
    <section aria-labelledby="add-participant">
      <h3 id="add-participant">{t('org.participants.addTitle')}</h3>
      <div className="field">
        <label htmlFor="participant-search">{t('org.participants.search')}</label>
        <input
          id="participant-search"
          type="search"
          value={q}
          autoComplete="off"
          aria-describedby="participant-search-hint"
          onChange={(event) => setQ(event.target.value)}
        />
        <small id="participant-search-hint">{t('org.participants.searchHint')}</small>
      </div>
      {search.isError && <ErrorBox error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && (
        <ul className="plain" aria-live="polite">
          {search.data.items.length === 0 && (
            <li className="muted">{t('org.participants.noMatch', { name: q.trim() })}</li>
          )}
          {search.data.items.map((company) => (
            <li key={company.id} className="application">
              <strong>{company.name}</strong>{' '}
              <span className="muted">
                {company.city}, {names.country(company.country)}
              </span>{' '}
              {takingPart.has(company.id) || added === company.id ? (
                <span className="badge">{t('org.participants.takesPart')}</span>
              ) : (
                <button
                  type="button"
                  className="small"
                  disabled={add.isPending}
                  aria-label={t('org.participants.addNamed', { name: company.name })}
                  onClick={() => add.mutate(company.id)}
                >
                  {t('org.participants.add')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {add.isError && <ErrorBox error={add.error} />}
    </section>
  );
}
