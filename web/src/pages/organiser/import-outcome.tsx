import { ruleWords } from '../../field-words';
import { useI18n, type I18n } from '../../i18n';
import type { ImportResult } from './types';

type RefusedRow = ImportResult['errors'][number];

/**
 * What was wrong with each field of a refused row, in the reader's language: the words of the
 * rules it broke, as a form words a 400 (`ruleWords`), or the server's English message for a rule
 * this app has no words for.
 */
export function refusedFields(row: RefusedRow, i18n: I18n): [field: string, said: string][] {
  return Object.entries(row.fields).map(([field, messages]) => {
    const worded = (row.rules[field] ?? []).map((rule) => ruleWords(rule, i18n));
    const known = worded.length > 0 && worded.every((words) => words !== null);
    return [field, known ? worded.join(' ') : messages.join('; ')];
  });
}

/**
 * The import's answer: how many rows were created and refused, each created row, and each refused
 * row with what was wrong. A trial run's answer says what would be created, and that nothing was.
 */
export function ImportOutcome({ result }: { result: ImportResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">
        {result.dryRun ? t('org.import.trialResult') : t('org.import.result')}
      </h2>
      <p role="status" className={result.errors.length === 0 ? 'notice ok' : 'notice'}>
        {t(result.dryRun ? 'org.import.trialSummary' : 'org.import.summary', {
          created: result.created.length,
          total: result.total,
          failed: result.errors.length,
        })}
      </p>
      {result.created.length > 0 && (
        <>
          <h3>{result.dryRun ? t('org.import.wouldCreate') : t('org.import.created')}</h3>
          <ul className="plain">
            {result.created.map((row) => (
              <li key={row.row}>{t('org.import.createdRow', { row: row.row, name: row.name })}</li>
            ))}
          </ul>
        </>
      )}
      {result.errors.length > 0 && (
        <>
          <h3>{t('org.import.errors')}</h3>
          <ul className="plain import-errors">
            {result.errors.map((row) => (
              <li key={row.row} className="error">
                <div>
                  <strong>{t('org.import.row', { row: row.row })}</strong>{' '}
                  {Object.keys(row.fields).length === 0 && row.message}
                  {Object.keys(row.fields).length > 0 && (
                    <dl className="facts">
                      {refusedFields(row, i18n).map(([field, said]) => (
                        <div key={field}>
                          <dt>{field}</dt>
                          <dd>{said}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
