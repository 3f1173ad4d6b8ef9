import { useState, type FormEvent } from 'react';
import type { Membership } from '../../api';
import { useFormErrors } from '../../form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { taxonomyLabel } from '../../names';
import { CountriesPicker, CountrySelect } from '../../pickers';
import { QueryLoaded } from '../../queries';
import { ErrorBox, Field } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import { ChoicesFieldset } from '../company/choices-fieldset';
import { ActingFor } from '../session/acting-for';
import { initialForm, type PostForm } from './form-state';
import {
  FIRM_OPPORTUNITY_KINDS,
  ORGANISER_OPPORTUNITY_KINDS,
  type Opportunity,
  type OpportunityKind,
} from './types';
import { useSaveOpportunity } from './use-save-opportunity';

type TextKey = 'title' | 'description' | 'link';
type ListKey = 'sectors' | 'countries' | 'partnerTypes';

/**
 * A post, new (none given) or edited: a firm's offer or request for one of its verified
 * companies, or an organiser's government project or market information with its partner
 * economy; the deadline a day in the reader's calendar. The API's refusals are worded by their
 * fields, and the post opens once saved.
 */
export function OpportunityForm({
  post,
  organiser,
  companies,
}: {
  post?: Opportunity;
  organiser: boolean;
  /** The reader's verified companies, for a firm's post. */
  companies: Membership[];
}) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const kinds: readonly OpportunityKind[] = organiser
    ? ORGANISER_OPPORTUNITY_KINDS
    : FIRM_OPPORTUNITY_KINDS;
  const [initial] = useState(() => initialForm(post, kinds[0], companies[0]?.companyId ?? ''));
  const [form, setForm] = useState(initial);
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useSaveOpportunity(post, organiser, {
    onMutate: () => setError(null),
    onError: setError,
  });
  const change = <K extends keyof PostForm>(key: K, value: PostForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    edited(key);
  };
  const toggle = (key: ListKey, id: string) =>
    change(
      key,
      form[key].includes(id) ? form[key].filter((value) => value !== id) : [...form[key], id],
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ form, initial });
  };

  const text = (key: TextKey, label: MessageKey, extra: { type?: string } = {}) => (
    <Field id={`post-${key}`} label={t(label)} errors={fields[key]}>
      {key === 'description' ? (
        <textarea
          id={`post-${key}`}
          rows={6}
          value={form[key]}
          onChange={(event) => change(key, event.target.value)}
        />
      ) : (
        <input
          id={`post-${key}`}
          type={extra.type ?? 'text'}
          value={form[key]}
          onChange={(event) => change(key, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {!post && !organiser && companies.length > 1 && (
        <ActingFor
          companies={companies}
          value={form.companyId}
          onChange={(companyId) => change('companyId', companyId)}
        />
      )}
      {!post && (
        <Field id="post-kind" label={t('opportunities.kind')} errors={fields.kind}>
          <select
            id="post-kind"
            value={form.kind}
            onChange={(event) => change('kind', event.target.value as OpportunityKind)}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`opportunities.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {text('title', 'opportunities.form.title')}
      {text('description', 'opportunities.form.description')}
      {organiser && (
        <Field
          id="post-partnerCountry"
          label={t('opportunities.form.partnerCountry')}
          errors={fields.partnerCountry}
        >
          <CountrySelect
            id="post-partnerCountry"
            value={form.partnerCountry}
            onChange={(country) => change('partnerCountry', country)}
          />
        </Field>
      )}
      <QueryLoaded query={taxonomy}>
        {(tax) => (
          <>
            <ChoicesFieldset
              name="sectors"
              legend={t('company.sectors')}
              options={tax.sectors.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
              chosen={form.sectors}
              errors={fields.sectors}
              onToggle={(id) => toggle('sectors', id)}
            />
            {!organiser && (
              <ChoicesFieldset
                name="partnerTypes"
                legend={t('opportunities.form.partnerTypes')}
                options={tax.partnerTypes.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
                chosen={form.partnerTypes}
                errors={fields.partnerTypes}
                onToggle={(id) => toggle('partnerTypes', id)}
              />
            )}
          </>
        )}
      </QueryLoaded>
      <Field
        id="post-countries"
        label={t('opportunities.form.countries')}
        errors={fields.countries}
      >
        <CountriesPicker
          id="post-countries"
          values={form.countries}
          onChange={(countries) => change('countries', countries)}
        />
      </Field>
      <div className="row">
        <Field
          id="post-deadline"
          label={t('opportunities.form.deadline')}
          hint={t('opportunities.form.deadlineHint')}
          errors={fields.deadline}
        >
          <input
            id="post-deadline"
            type="date"
            value={form.deadline}
            onChange={(event) => change('deadline', event.target.value)}
          />
        </Field>
        {text('link', 'opportunities.form.link', { type: 'url' })}
      </div>
      {general !== null && <ErrorBox error={general} />}
      <button type="submit" disabled={save.isPending}>
        {save.isPending
          ? t('common.saving')
          : t(post ? 'opportunities.form.save' : 'opportunities.form.create')}
      </button>
    </form>
  );
}
