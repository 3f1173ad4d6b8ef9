import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { ErrorBox, Field } from '../../ui';
import type { ImportResult } from './types';

const EXAMPLE =
  'name,country,city,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees,ownerEmail,status';

/** Bulk registration from CSV: a file or pasted text, then what was created and each bad row. */
export function ImportPage() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (text: string) =>
      call(
        client.POST('/api/companies/import', {
          body: text,
          // The file as it is, not as JSON.
          bodySerializer: (csv: string) => csv,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    // New companies: the verification queue and the lists count them.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.companies }),
  });

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate(csv);
  };

  return (
    <main>
      <h1>{t('org.import.title')}</h1>
      <p>{t('org.import.intro')}</p>
      <pre className="example" aria-label={t('org.import.header')}>
        {EXAMPLE}
      </pre>
      <form onSubmit={submit}>
        <Field id="csv-file" label={t('org.import.file')}>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => void pick(event)}
          />
        </Field>
        <Field
          id="csv-text"
          label={t('org.import.paste')}
          hint={fileName ? t('org.import.fromFile', { name: fileName }) : undefined}
        >
          <textarea
            id="csv-text"
            rows={8}
            spellCheck={false}
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
          />
        </Field>
        {upload.isError && <ErrorBox error={upload.error} />}
        <button type="submit" disabled={upload.isPending || csv.trim() === ''}>
          {upload.isPending ? t('org.import.busy') : t('org.import.submit')}
        </button>
      </form>
      {upload.isSuccess && <ImportOutcome result={upload.data} />}
    </main>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('org.import.result')}</h2>
      <p role="status" className={result.errors.length === 0 ? 'notice ok' : 'notice'}>
        {t('org.import.summary', {
          created: result.created.length,
          total: result.total,
          failed: result.errors.length,
        })}
      </p>
      {result.created.length > 0 && (
        <>
          <h3>{t('org.import.created')}</h3>
          <ul className="plain">
            {result.created.map((row) => (
              <li key={row.id}>{t('org.import.createdRow', { row: row.row, name: row.name })}</li>
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
