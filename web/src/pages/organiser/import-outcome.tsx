import { useI18n } from '../../i18n';
import type { ImportResult } from './types';

/**
 * The import's answer: how many rows were created and refused, each created row, and each refused
 * row with what was wrong. A trial run's answer says what would be created, and that nothing was.
 */
export function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useI18n();
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
                      {Object.entries(row.fields).map(([field, messages]) => (
                        <div key={field}>
                          <dt>{field}</dt>
                          <dd>{messages.join('; ')}</dd>
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
