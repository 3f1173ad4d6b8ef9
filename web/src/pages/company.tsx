import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { WireCompany } from '../../../src/live/live.wire';
import { api, type Company, type Membership, type Taxonomy } from '../api';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../i18n';
import { Link } from 'react-router';
import { useFormErrors } from '../form-errors';
import { keys, QueryLoaded } from '../queries';
import { ErrorBox, Field } from '../ui';

const list = (text: string) =>
  text
    .split(/[,，;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** The companies the user speaks for, and the form to register one. */
export function CompanyPage({
  companies,
  onRegistered,
}: {
  companies: Membership[];
  onRegistered: () => void;
}) {
  const { t } = useI18n();
  const [registered, setRegistered] = useState<string | null>(null);
  return (
    <main>
      <h1>{t('nav.company')}</h1>
      {registered && (
        <p className="notice" role="status">
          {t('company.registered', { name: registered })}
        </p>
      )}
      <section aria-labelledby="yours">
        <h2 id="yours">{t('company.yours')}</h2>
        {companies.length === 0 ? (
          <p>{t('company.none')}</p>
        ) : (
          <ul className="cards">
            {companies.map((company) => (
              <li key={company.companyId} className="card">
                <strong>{company.name}</strong> <span className="muted">{company.country}</span>
                <div className={`badge ${company.status}`}>
                  {t(`company.status.${company.status}` as MessageKey)}
                </div>
                <div className="actions">
                  {company.status === 'verified' && (
                    <Link to="/sessions">{t('nav.sessions')} →</Link>
                  )}
                  <Link to={`/companies/${company.companyId}/team`}>
                    {t('team.linkNamed', { name: company.name })}
                  </Link>
                  {/* Every member edits the company (issue 14); managing the team is the owners'. */}
                  <Link to={`/companies/${company.companyId}/edit`}>
                    {t('companyEdit.link', { name: company.name })}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {companies.length === 0 && (
        <CompanyForm
          onRegistered={(company) => {
            setRegistered(company.name);
            onRegistered();
          }}
        />
      )}
    </main>
  );
}

/** The form's text fields, from a company being edited or blank for a new one. */
function initialForm(company?: WireCompany) {
  return {
    name: company?.name ?? '',
    country: company?.country ?? '',
    city: company?.city ?? '',
    website: company?.website ?? '',
    description: company?.description ?? '',
    offers: company?.offers.join(', ') ?? '',
    seeks: company?.seeks.join(', ') ?? '',
    targetMarkets: company?.targetMarkets.join(', ') ?? '',
    languages: company?.languages.join(', ') ?? 'en',
    timezone: company?.timezone ?? VIEWER_ZONE,
    employees: company?.employees ?? '1-9',
  };
}

/** IANA time zones the browser knows, offered as suggestions in time zone fields. */
export const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** Registers a company, or edits `company` (PATCH) when one is given. */
export function CompanyForm({
  company,
  onRegistered,
}: {
  company?: WireCompany;
  onRegistered: (company: Company) => void;
}) {
  const { t } = useI18n();
  const taxonomy = useQuery({
    queryKey: keys.taxonomy,
    queryFn: () => api<Taxonomy>('GET', '/taxonomy'),
  });
  const [form, setForm] = useState(() => initialForm(company));
  const [sectors, setSectors] = useState<string[]>(company?.sectors ?? []);
  const [partnerTypes, setPartnerTypes] = useState<string[]>(company?.partnerTypes ?? []);
  const { fields, general, setError, edited } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: object) =>
      company
        ? api<Company>('PATCH', `/companies/${company.id}`, body)
        : api<Company>('POST', '/companies', body),
    onMutate: () => setError(null),
    onSuccess: onRegistered,
    onError: setError,
  });
  const busy = save.isPending;
  const change = (key: keyof typeof form, value: string) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };

  const text = (
    key: keyof typeof form,
    label: MessageKey,
    extra: { type?: string; list?: string } = {},
  ) => (
    <Field id={key} label={t(label)} errors={fields[key]}>
      <input
        id={key}
        type={extra.type ?? 'text'}
        list={extra.list}
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
    const body = {
      name: form.name,
      country: form.country.trim().toUpperCase(),
      city: form.city,
      description: form.description,
      sectors,
      partnerTypes,
      offers: list(form.offers),
      seeks: list(form.seeks),
      targetMarkets: list(form.targetMarkets).map((code) => code.toUpperCase()),
      languages: list(form.languages).map((code) => code.toLowerCase()),
      timezone: form.timezone,
      employees: form.employees,
    };
    const website = form.website.trim();
    // Editing: an emptied website is cleared.
    save.mutate(
      company
        ? { ...body, website: website || null }
        : { ...body, ...(website ? { website } : {}) },
    );
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
          <form onSubmit={submit} noValidate>
            {text('name', 'company.name')}
            <div className="row">
              {text('country', 'company.country')}
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
            <fieldset className={fields.sectors ? 'invalid' : undefined}>
              <legend>{t('company.sectors')}</legend>
              <div className="choices">
                {tax.sectors.map((sector) => (
                  <label key={sector.id} className="choice">
                    <input
                      type="checkbox"
                      name="sectors"
                      value={sector.id}
                      checked={sectors.includes(sector.id)}
                      onChange={() => toggle(sectors, setSectors, sector.id, 'sectors')}
                    />
                    {sector.label}
                  </label>
                ))}
              </div>
              {fields.sectors?.map((message) => (
                <small key={message} className="field-error" role="alert">
                  {message}
                </small>
              ))}
            </fieldset>
            <fieldset className={fields.partnerTypes ? 'invalid' : undefined}>
              <legend>{t('company.partnerTypes')}</legend>
              <div className="choices">
                {tax.partnerTypes.map((type) => (
                  <label key={type.id} className="choice">
                    <input
                      type="checkbox"
                      name="partnerTypes"
                      value={type.id}
                      checked={partnerTypes.includes(type.id)}
                      onChange={() =>
                        toggle(partnerTypes, setPartnerTypes, type.id, 'partnerTypes')
                      }
                    />
                    {type.label}
                  </label>
                ))}
              </div>
              {fields.partnerTypes?.map((message) => (
                <small key={message} className="field-error" role="alert">
                  {message}
                </small>
              ))}
            </fieldset>
            {text('offers', 'company.offers')}
            {text('seeks', 'company.seeks')}
            {text('targetMarkets', 'company.targetMarkets')}
            <div className="row">
              {text('languages', 'company.languages')}
              {text('timezone', 'company.timezone', { list: 'time-zones' })}
            </div>
            <datalist id="time-zones">
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
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

/** An owner edits a company's profile: the registration form, filled in, saved with PATCH. */
export function CompanyEditPage({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const company = useQuery({
    queryKey: keys.company(id),
    queryFn: () => api<WireCompany>('GET', `/companies/${id}`),
  });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <main>
      <Link to="/company">← {t('nav.company')}</Link>
      <QueryLoaded query={company}>
        {(current) => (
          <>
            <h1 id="edit-company">{t('companyEdit.title', { name: current.name })}</h1>
            {saved && (
              <p className="notice ok" role="status">
                {t('companyEdit.saved', { name: saved })}
              </p>
            )}
            <CompanyForm
              key={current.updatedAt}
              company={current}
              onRegistered={(updated) => {
                setSaved(updated.name);
                onSaved();
                void queryClient.invalidateQueries({ queryKey: keys.company(id) });
              }}
            />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
