import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Membership } from '../../api';
import { useFormErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { ActingFor } from '../session/acting-for';
import type { Opportunity } from './types';
import { useExpressInterest } from './use-opportunities';

/**
 * "I'm interested", with a message, for one of the reader's verified companies: to a firm's post
 * it goes as a message to the posting firm (then a link to the conversation when the answer names
 * it); to an organiser's post it is a registration, "You're registered" from then on.
 */
export function InterestForm({
  post,
  companies,
  companyId,
  onCompany,
}: {
  post: Opportunity;
  companies: Membership[];
  companyId: string;
  onCompany: (companyId: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const express = useExpressInterest(post.id);
  const firm = post.company;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    express.mutate({ companyId, message }, { onError: setError });
  };

  let body;
  if (firm === null && (post.interested || express.isSuccess)) {
    body = (
      <p className="notice ok" role="status">
        {t('opportunities.interest.registered')}
      </p>
    );
  } else if (firm !== null && (post.interested || express.isSuccess)) {
    const conversationId = express.data?.conversationId;
    body = (
      <p className="notice ok" role="status">
        {t('opportunities.interest.sent', { name: firm.name })}
        {conversationId && (
          <>
            {' '}
            <Link to={`/messages/${conversationId}`}>
              {t('opportunities.interest.conversation')}
            </Link>
          </>
        )}
      </p>
    );
  } else if (!open) {
    body = (
      <button type="button" onClick={() => setOpen(true)}>
        {t('opportunities.interest.open')}
      </button>
    );
  } else {
    body = (
      <form ref={formRef} onSubmit={submit} noValidate className="request-form">
        <Field
          id="interest-message"
          label={
            firm
              ? t('opportunities.interest.message', { name: firm.name })
              : t('opportunities.interest.messageOrganisers')
          }
          hint={
            firm
              ? t('opportunities.interest.hintFirm', { name: firm.name })
              : t('opportunities.interest.hintRegistration')
          }
          errors={fields.message}
        >
          <textarea
            id="interest-message"
            rows={4}
            value={message}
            onChange={(event) => {
              setMessage(event.target.value);
              edited('message');
            }}
          />
        </Field>
        {general !== null && <ErrorBox error={general} />}
        <div className="actions">
          <button type="submit" disabled={express.isPending}>
            {express.isPending
              ? t('common.saving')
              : t(firm ? 'opportunities.interest.send' : 'opportunities.interest.register')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('matches.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <section aria-labelledby="interest">
      <h2 id="interest">{t('opportunities.interest.title')}</h2>
      {companies.length > 1 && (
        <ActingFor companies={companies} value={companyId} onChange={onCompany} />
      )}
      {body}
    </section>
  );
}
