import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { countryName } from '../../names';
import { QueryLoaded } from '../../queries';
import { PartnerForm } from './partner-form';
import { currentAgreement, StatusBadge } from './status';
import { usePartners } from './use-partners';

/**
 * The partner economies of the programme, each with the agreement it is at and that agreement's
 * status; those due for renewal first and highlighted. Organisers add one here.
 */
export function PartnersPage({ canEdit }: { canEdit: boolean }) {
  const { t, language, date } = useI18n();
  const partners = usePartners();
  const [adding, setAdding] = useState(false);
  return (
    <main>
      <h1>{t('partners.title')}</h1>
      <p className="muted">{t('partners.intro')}</p>
      {canEdit &&
        (adding ? (
          <section className="card">
            <h2>{t('partners.new')}</h2>
            <PartnerForm onDone={() => setAdding(false)} />
          </section>
        ) : (
          <div className="toolbar">
            <button type="button" onClick={() => setAdding(true)}>
              {t('partners.new')}
            </button>
          </div>
        ))}
      <QueryLoaded query={partners}>
        {(list) => {
          if (list.length === 0) return <p>{t('partners.none')}</p>;
          const due = (id: string) =>
            list.find((each) => each.id === id)?.agreements.some((a) => a.status === 'renewal-due')
              ? 0
              : 1;
          const sorted = [...list].sort((a, b) => due(a.id) - due(b.id));
          return (
            <ul className="cards partner-list">
              {sorted.map((partner) => {
                const agreement = currentAgreement(partner);
                return (
                  <li
                    key={partner.id}
                    className={
                      agreement?.status === 'renewal-due'
                        ? 'card partner renewal-due'
                        : 'card partner'
                    }
                  >
                    <h2>
                      <Link to={`/organise/partners/${partner.id}`}>{partner.name}</Link>
                    </h2>
                    <p className="muted">{countryName(partner.country, language)}</p>
                    {agreement ? (
                      <p>
                        {agreement.title} <StatusBadge status={agreement.status} t={t} />
                        {agreement.expiresOn && (
                          <> {t('partners.expiresOn', { date: date(agreement.expiresOn) })}</>
                        )}
                      </p>
                    ) : (
                      <p>{t('partners.noAgreements')}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryLoaded>
    </main>
  );
}
