import { useI18n } from '../../i18n';
import { countryName } from '../../names';
import { QueryLoaded } from '../../queries';
import { Field } from '../../ui';
import { usePartners } from './use-partners';
import { agreementLabel } from './status';

/**
 * "Held under": the partner economy and, of its agreements, the one an activity (a session, a
 * delegation, a seminar) is held under. Choosing another partner clears the agreement; no partner, none.
 */
export function HeldUnder({
  idPrefix,
  partnerId,
  agreementId,
  errors,
  onChange,
}: {
  idPrefix: string;
  partnerId: string;
  agreementId: string;
  errors: { partnerId?: string[]; agreementId?: string[] };
  onChange: (link: { partnerId: string; agreementId: string }) => void;
}) {
  const { t, language } = useI18n();
  const partners = usePartners();
  return (
    <QueryLoaded query={partners}>
      {(list) => {
        const partner = list.find((each) => each.id === partnerId);
        return (
          <fieldset className="held-under">
            <legend>{t('partners.heldUnder')}</legend>
            <div className="row">
              <Field
                id={`${idPrefix}-partnerId`}
                label={t('partners.heldUnder.partner')}
                errors={errors.partnerId}
              >
                <select
                  id={`${idPrefix}-partnerId`}
                  value={partnerId}
                  onChange={(event) => onChange({ partnerId: event.target.value, agreementId: '' })}
                >
                  <option value="">{t('partners.heldUnder.none')}</option>
                  {list.map((each) => (
                    <option key={each.id} value={each.id}>
                      {each.name} ({countryName(each.country, language)})
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id={`${idPrefix}-agreementId`}
                label={t('partners.heldUnder.agreement')}
                errors={errors.agreementId}
              >
                <select
                  id={`${idPrefix}-agreementId`}
                  value={agreementId}
                  disabled={!partner}
                  onChange={(event) => onChange({ partnerId, agreementId: event.target.value })}
                >
                  <option value="">{t('partners.heldUnder.noAgreement')}</option>
                  {partner?.agreements.map((agreement) => (
                    <option key={agreement.id} value={agreement.id}>
                      {agreementLabel(agreement, t)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          </fieldset>
        );
      }}
    </QueryLoaded>
  );
}
