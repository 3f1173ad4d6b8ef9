import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../confirm';
import { useFormErrors } from '../../form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { taxonomyLabel } from '../../names';
import { QueryLoaded } from '../../queries';
import { ErrorBox, Field, FieldMessages } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import { ChoicesFieldset } from '../company/choices-fieldset';
import { COOPERATION_FORMS, type Agreement, type AgreementBody } from './types';
import { useSaveAgreement } from './use-partners';

/** What an organiser sets: planned, signed (its dates then say active, due or expired), renewed. */
const CHOSEN_STATUSES = ['planned', 'active', 'renewed'] as const;
type ChosenStatus = (typeof CHOSEN_STATUSES)[number];

export interface AgreementFields {
  title: string;
  signedOn: string;
  expiresOn: string;
  counterpart: string;
  priorityAreas: string[];
  forms: string[];
  documentUrl: string;
  status: ChosenStatus;
}

export function initialAgreementFields(agreement?: Agreement): AgreementFields {
  const status = agreement?.status ?? 'active';
  return {
    title: agreement?.title ?? '',
    signedOn: agreement?.signedOn ?? '',
    expiresOn: agreement?.expiresOn ?? '',
    counterpart: agreement?.counterpart ?? '',
    priorityAreas: agreement?.priorityAreas ?? [],
    forms: agreement?.forms ?? [],
    documentUrl: agreement?.documentUrl ?? '',
    status: status === 'planned' || status === 'renewed' ? status : 'active',
  };
}

/** The body the API takes: blank dates and link as null (open-ended, none). */
export function agreementBody(form: AgreementFields): Partial<AgreementBody> {
  return {
    ...form,
    signedOn: form.signedOn || null,
    expiresOn: form.expiresOn || null,
    documentUrl: form.documentUrl.trim() || null,
  } as Partial<AgreementBody>;
}

/**
 * An agreement of a partner economy: a new one, one edited (`agreement`), or the renewal of one
 * (`renews`), which asks first, since the renewed agreement then only stays as history.
 */
export function AgreementForm({
  partnerId,
  agreement,
  renews,
  onDone,
}: {
  partnerId: string;
  agreement?: Agreement;
  renews?: Agreement;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const [form, setForm] = useState(() =>
    initialAgreementFields(
      agreement ??
        (renews && {
          ...renews,
          title: renews.title,
          signedOn: null,
          expiresOn: null,
          documentUrl: null,
          status: 'active',
        }),
    ),
  );
  const [asking, setAsking] = useState(false);
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useSaveAgreement(partnerId, agreement?.id, {
    onMutate: () => setError(null),
    onError: setError,
    onSuccess: onDone,
  });
  const change = <K extends keyof AgreementFields>(key: K, value: AgreementFields[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    edited(key);
  };
  const toggle = (key: 'priorityAreas' | 'forms', id: string) =>
    change(
      key,
      form[key].includes(id) ? form[key].filter((value) => value !== id) : [...form[key], id],
    );
  const send = () =>
    save.mutate({ ...agreementBody(form), ...(renews ? { renews: renews.id } : {}) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (renews) setAsking(true);
    else send();
  };
  const prefix = agreement ? `agreement-${agreement.id}` : renews ? 'renewal' : 'agreement';
  const input = (
    key: 'title' | 'signedOn' | 'expiresOn' | 'counterpart' | 'documentUrl',
    label: MessageKey,
    type = 'text',
    hint?: MessageKey,
  ) => (
    <Field
      id={`${prefix}-${key}`}
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      errors={fields[key]}
    >
      <input
        id={`${prefix}-${key}`}
        type={type}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );

  return (
    <>
      <form ref={formRef} onSubmit={submit} noValidate className="agreement-form">
        {renews && <p className="muted">{t('partners.renew.intro', { title: renews.title })}</p>}
        {input('title', 'partners.agreement.title')}
        <div className="row">
          {input(
            'signedOn',
            'partners.agreement.signedOn',
            'date',
            'partners.agreement.signedOnHint',
          )}
          {input(
            'expiresOn',
            'partners.agreement.expiresOn',
            'date',
            'partners.agreement.expiresOnHint',
          )}
          <Field
            id={`${prefix}-status`}
            label={t('partners.agreement.status')}
            errors={fields.status}
          >
            <select
              id={`${prefix}-status`}
              value={form.status}
              onChange={(event) => change('status', event.target.value as ChosenStatus)}
            >
              {CHOSEN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`partners.chosenStatus.${status}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {input('counterpart', 'partners.agreement.counterpart')}
        {input('documentUrl', 'partners.agreement.documentUrl', 'url')}
        <ChoicesFieldset
          name={`${prefix}-forms`}
          legend={t('partners.agreement.forms')}
          options={COOPERATION_FORMS.map((id) => ({ id, label: t(`partners.form.${id}`) }))}
          chosen={form.forms}
          errors={fields.forms}
          onToggle={(id) => toggle('forms', id)}
        />
        <QueryLoaded query={taxonomy}>
          {(tax) => (
            <ChoicesFieldset
              name={`${prefix}-priorityAreas`}
              legend={t('partners.priorityAreas')}
              options={tax.sectors.map(({ id }) => ({ id, label: taxonomyLabel(id, t) }))}
              chosen={form.priorityAreas}
              errors={fields.priorityAreas}
              onToggle={(id) => toggle('priorityAreas', id)}
            />
          )}
        </QueryLoaded>
        <FieldMessages messages={fields.renews} />
        {general !== null && <ErrorBox error={general} />}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending
              ? t('common.saving')
              : t(
                  agreement
                    ? 'partners.agreement.save'
                    : renews
                      ? 'partners.renew.submit'
                      : 'partners.agreement.add',
                )}
          </button>
          <button type="button" className="secondary" onClick={onDone}>
            {t('partners.cancel')}
          </button>
        </div>
      </form>
      {asking && renews && (
        <ConfirmDialog
          title={t('partners.renew.confirmTitle')}
          question={t('partners.renew.confirmQuestion', { title: renews.title })}
          confirmLabel={t('partners.renew.submit')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            send();
          }}
        />
      )}
    </>
  );
}
