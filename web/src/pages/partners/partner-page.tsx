import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { countryName, listOf, taxonomyLabel } from '../../names';
import { QueryLoaded } from '../../queries';
import { Facts } from '../../ui';
import { PartnerActivitiesSection } from './activities';
import { AgreementCard } from './agreement-card';
import { AgreementForm } from './agreement-form';
import { PartnerForm } from './partner-form';
import type { Agreement, Partner } from './types';
import { usePartner } from './use-partners';

/** Which form is open: the partner's, a new agreement, an agreement edited or renewed. */
type Open =
  | { kind: 'partner' }
  | { kind: 'add' }
  | { kind: 'edit'; agreement: Agreement }
  | { kind: 'renew'; agreement: Agreement }
  | null;

/** A partner economy: its agencies and areas, its agreements with their history, its activities. */
export function PartnerPage({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t } = useI18n();
  const partner = usePartner(id);
  return (
    <main>
      <p>
        <Link to="/organise/partners">← {t('partners.back')}</Link>
      </p>
      <QueryLoaded query={partner}>
        {(found) => <PartnerDetail partner={found} canEdit={canEdit} />}
      </QueryLoaded>
    </main>
  );
}

function PartnerDetail({ partner, canEdit }: { partner: Partner; canEdit: boolean }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const titleOf = (agreementId: string) =>
    partner.agreements.find((agreement) => agreement.id === agreementId)?.title ?? '';
  return (
    <>
      <h1>
        {partner.name} <span className="muted">({countryName(partner.country, language)})</span>
      </h1>
      {open?.kind === 'partner' ? (
        <PartnerForm partner={partner} onDone={close} />
      ) : (
        <>
          <Facts
            facts={[
              [t('partners.agencies'), listOf(partner.agencies, language)],
              [
                t('partners.priorityAreas'),
                listOf(
                  partner.priorityAreas.map((code) => taxonomyLabel(code, t)),
                  language,
                ),
              ],
              [t('partners.notes'), partner.notes],
            ]}
          />
          {canEdit && (
            <button
              type="button"
              className="secondary"
              onClick={() => setOpen({ kind: 'partner' })}
            >
              {t('partners.edit')}
            </button>
          )}
        </>
      )}
      <section>
        <h2>{t('partners.agreements')}</h2>
        {canEdit && open?.kind !== 'add' && (
          <button type="button" onClick={() => setOpen({ kind: 'add' })}>
            {t('partners.agreement.new')}
          </button>
        )}
        {open?.kind === 'add' && <AgreementForm partnerId={partner.id} onDone={close} />}
        {partner.agreements.length === 0 ? (
          <p>{t('partners.noAgreements')}</p>
        ) : (
          <ul className="cards agreements">
            {partner.agreements.map((agreement) =>
              (open?.kind === 'edit' || open?.kind === 'renew') &&
              open.agreement.id === agreement.id ? (
                <li key={agreement.id} className="card">
                  <h3>
                    {open.kind === 'edit'
                      ? t('partners.agreement.editing', { title: agreement.title })
                      : t('partners.renew.title', { title: agreement.title })}
                  </h3>
                  <AgreementForm
                    partnerId={partner.id}
                    agreement={open.kind === 'edit' ? agreement : undefined}
                    renews={open.kind === 'renew' ? agreement : undefined}
                    onDone={close}
                  />
                </li>
              ) : (
                <AgreementCard
                  key={agreement.id}
                  agreement={agreement}
                  titleOf={titleOf}
                  actions={
                    canEdit && (
                      <div className="actions">
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setOpen({ kind: 'edit', agreement })}
                        >
                          {t('partners.agreement.edit')}
                        </button>
                        {agreement.status !== 'renewed' && !agreement.renewedBy && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => setOpen({ kind: 'renew', agreement })}
                          >
                            {t('partners.renew')}
                          </button>
                        )}
                      </div>
                    )
                  }
                />
              ),
            )}
          </ul>
        )}
      </section>
      {canEdit && <PartnerActivitiesSection partnerId={partner.id} />}
    </>
  );
}
