import { useState, type FormEvent } from 'react';
import type { WireCompany } from '../../../../src/live/live.wire';
import type { Company } from '../../api';
import { useFormErrors } from '../../form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { ErrorBox, Field } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import { ChoicesFieldset } from './choices-fieldset';
import { companyBody, initialForm } from './form-state';
import { CountriesPicker, CountrySelect, LanguagesPicker, ZoneSelect } from '../../pickers';
import { taxonomyLabel } from '../../names';
import { useSaveCompany } from './use-save-company';

/** The fields typed as text. */
type TextKey = 'name' | 'city' | 'website' | 'offers' | 'seeks';

/** Registers a company, or edits `company` (PATCH) when one is given. */
export function CompanyForm({
  company,
  onRegistered,
}: {
  company?: WireCompany;
  onRegistered: (company: Company) => void;
}) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const [form, setForm] = useState(() => initialForm(company));
  const [sectors, setSectors] = useState<string[]>(company?.sectors ?? []);
  const [partnerTypes, setPartnerTypes] = useState<string[]>(company?.partnerTypes ?? []);
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useSaveCompany(company, {
    onMutate: () => setError(null),
    onSuccess: onRegistered,
    onError: setError,
  });
  const busy = save.isPending;
  const change = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };

  const text = (key: TextKey, label: MessageKey, extra: { type?: string } = {}) => (
    <Field id={key} label={t(label)} errors={fields[key]}>
      <input
        id={key}
        type={extra.type ?? 'text'}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );
  const toggle = (values: string[], set: (next: string[]) => void, id: string, key: string) => {
    set(values.includes(id) ? values.filter((value) => value !== id) : [...values, id]);
    edited(key);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(companyBody(form, sectors, partnerTypes, company !== undefined));
  };

  return (
    <section aria-labelledby={company ? 'edit-company' : 'register'}>
      {company ? (
        <p className="notice">{t('companyEdit.rescoring')}</p>
      ) : (
        <>
          <h2 id="register">{t('company.register')}</h2>
          <p>{t('company.intro')}</p>
        </>
      )}
      <QueryLoaded query={taxonomy}>
        {(tax) => (
          <form ref={formRef} onSubmit={submit} noValidate>
            {text('name', 'company.name')}
            <div className="row">
              <Field id="country" label={t('company.country')} errors={fields.country}>
                <CountrySelect
                  id="country"
                  value={form.country}
                  onChange={(country) => change('country', country)}
                />
              </Field>
              {text('city', 'company.city')}
            </div>
            {text('website', 'company.website', { type: 'url' })}
            <Field id="description" label={t('company.description')} errors={fields.description}>
              <textarea
                id="description"
                rows={3}
                value={form.description}
                onChange={(event) => change('description', event.target.value)}
              />
            </Field>
            <ChoicesFieldset
              name="sectors"
              legend={t('company.sectors')}
              options={tax.sectors.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
              chosen={sectors}
              errors={fields.sectors}
              onToggle={(id) => toggle(sectors, setSectors, id, 'sectors')}
            />
            <ChoicesFieldset
              name="partnerTypes"
              legend={t('company.partnerTypes')}
              options={tax.partnerTypes.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
              chosen={partnerTypes}
              errors={fields.partnerTypes}
              onToggle={(id) => toggle(partnerTypes, setPartnerTypes, id, 'partnerTypes')}
            />
            {text('offers', 'company.offers')}
            {text('seeks', 'company.seeks')}
            <Field
              id="targetMarkets"
              label={t('company.targetMarkets')}
              errors={fields.targetMarkets}
            >
              <CountriesPicker
                id="targetMarkets"
                values={form.targetMarkets}
                onChange={(markets) => change('targetMarkets', markets)}
              />
            </Field>
            <div className="row">
              <Field id="languages" label={t('company.languages')} errors={fields.languages}>
                <LanguagesPicker
                  id="languages"
                  values={form.languages}
                  onChange={(languages) => change('languages', languages)}
                />
              </Field>
              <Field id="timezone" label={t('company.timezone')} errors={fields.timezone}>
                <ZoneSelect
                  id="timezone"
                  value={form.timezone}
                  onChange={(zone) => change('timezone', zone)}
                />
              </Field>
            </div>
            <Field id="employees" label={t('company.employees')} errors={fields.employees}>
              <select
                id="employees"
                value={form.employees}
                onChange={(event) => change('employees', event.target.value)}
              >
                {tax.employeeBands.map((band) => (
                  <option key={band} value={band}>
                    {band}
                  </option>
                ))}
              </select>
            </Field>
            {general !== null && <ErrorBox error={general} />}
            <button type="submit" disabled={busy}>
              {busy ? t('common.saving') : company ? t('companyEdit.save') : t('company.submit')}
            </button>
          </form>
        )}
      </QueryLoaded>
    </section>
  );
}
