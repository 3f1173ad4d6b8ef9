import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { taxonomyLabel } from '../../names';
import { CountrySelect } from '../../pickers';
import { QueryLoaded } from '../../queries';
import { ErrorBox, Field } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import { ChoicesFieldset } from '../company/choices-fieldset';
import type { Partner, PartnerBody } from './types';
import { useSavePartner } from './use-partners';

interface PartnerFields {
  country: string;
  name: string;
  /** One agency a line. */
  agencies: string;
  priorityAreas: string[];
  notes: string;
}

/** The body the API takes: the agencies one a line, blank lines left out. */
export function partnerBody(form: PartnerFields): PartnerBody {
  return {
    ...form,
    agencies: form.agencies
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  } as PartnerBody;
}

/** A partner economy, new (none given) or edited; its country is chosen once. */
export function PartnerForm({ partner, onDone }: { partner?: Partner; onDone: () => void }) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const [form, setForm] = useState<PartnerFields>(() => ({
    country: partner?.country ?? '',
    name: partner?.name ?? '',
    agencies: partner?.agencies.join('\n') ?? '',
    priorityAreas: partner?.priorityAreas ?? [],
    notes: partner?.notes ?? '',
  }));
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useSavePartner(partner?.id, {
    onMutate: () => setError(null),
    onError: setError,
    onSuccess: onDone,
  });
  const change = <K extends keyof PartnerFields>(key: K, value: PartnerFields[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    edited(key);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = partnerBody(form);
    save.mutate(partner ? { ...body, country: undefined } : body);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="partner-form">
      <div className="row">
        {!partner && (
          <Field id="partner-country" label={t('partners.country')} errors={fields.country}>
            <CountrySelect
              id="partner-country"
              value={form.country}
              onChange={(country) => change('country', country)}
            />
          </Field>
        )}
        <Field id="partner-name" label={t('partners.name')} errors={fields.name}>
          <input
            id="partner-name"
            value={form.name}
            onChange={(event) => change('name', event.target.value)}
          />
        </Field>
      </div>
      <Field
        id="partner-agencies"
        label={t('partners.agencies')}
        hint={t('partners.agenciesHint')}
        errors={fields.agencies}
      >
        <textarea
          id="partner-agencies"
          rows={3}
          value={form.agencies}
          onChange={(event) => change('agencies', event.target.value)}
        />
      </Field>
      <QueryLoaded query={taxonomy}>
        {(tax) => (
          <ChoicesFieldset
            name="partner-priorityAreas"
            legend={t('partners.priorityAreas')}
            options={tax.sectors.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
            chosen={form.priorityAreas}
            errors={fields.priorityAreas}
            onToggle={(id) =>
              change(
                'priorityAreas',
                form.priorityAreas.includes(id)
                  ? form.priorityAreas.filter((value) => value !== id)
                  : [...form.priorityAreas, id],
              )
            }
          />
        )}
      </QueryLoaded>
      <Field id="partner-notes" label={t('partners.notes')} errors={fields.notes}>
        <textarea
          id="partner-notes"
          rows={3}
          value={form.notes}
          onChange={(event) => change('notes', event.target.value)}
        />
      </Field>
      {general !== null && <ErrorBox error={general} />}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t(partner ? 'partners.save' : 'partners.create')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('partners.cancel')}
        </button>
      </div>
    </form>
  );
}
