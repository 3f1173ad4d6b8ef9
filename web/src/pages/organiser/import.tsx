import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { download } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { ErrorBox, Field } from '../../ui';
import { ImportOutcome } from './import-outcome';

const EXAMPLE =
  'name,country,city,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees,ownerEmail,status';

/**
 * Bulk registration from CSV: a file or pasted text, then what was created and each bad row. A
 * trial run ("check without importing") gives the same answer and stores nothing; the template
 * is a CSV file with every column and an example row.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean }) =>
      call(
        client.POST('/api/companies/import', {
          params: { query: dryRun ? { dryRun: 'true' } : {} },
          body: text,
          // The file as it is, not as JSON.
          bodySerializer: (csv: string) => csv,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    // New companies: the verification queue and the lists count them.
    onSuccess: (_result, { dryRun }) =>
      dryRun ? undefined : queryClient.invalidateQueries({ queryKey: keys.companies }),
  });
  const template = useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/companies/import/template.csv', { parseAs: 'blob' }),
        'companies-import-template.csv',
      ),
  });
  const checking = upload.isPending && upload.variables.dryRun;
  const importing = upload.isPending && !upload.variables.dryRun;

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate({ text: csv, dryRun: false });
  };

  return (
    <main>
      <h1>{t('org.import.title')}</h1>
      <p>{t('org.import.intro')}</p>
      <pre className="example" aria-label={t('org.import.header')}>
        {EXAMPLE}
      </pre>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => template.mutate()}
          disabled={template.isPending}
        >
          {template.isPending ? t('common.loading') : t('org.import.template')}
        </button>
      </div>
      {template.isError && <ErrorBox error={template.error} />}
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
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={upload.isPending || csv.trim() === ''}
            onClick={() => upload.mutate({ text: csv, dryRun: true })}
          >
            {checking ? t('org.import.checking') : t('org.import.check')}
          </button>
          <button type="submit" disabled={upload.isPending || csv.trim() === ''}>
            {importing ? t('org.import.busy') : t('org.import.submit')}
          </button>
        </div>
      </form>
      {upload.isSuccess && <ImportOutcome result={upload.data} />}
    </main>
  );
}
