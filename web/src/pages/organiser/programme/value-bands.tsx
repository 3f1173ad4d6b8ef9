import { VALUE_BANDS } from '../../../../../src/follow-ups/follow-ups.wire';
import type { ProgrammeFigures } from '../../../../../src/programme/programme.wire';
import { useI18n } from '../../../i18n';

/** The value bands firms gave with the agreements signed, when any gave one. */
export function ValueBands({ totals }: { totals: ProgrammeFigures }) {
  const { t } = useI18n();
  if (VALUE_BANDS.every((band) => totals.valueBands[band] === 0)) return null;
  return (
    <table className="chart-table programme-bands">
      <caption>{t('programme.bands.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programme.bands.col')}</th>
          <th scope="col">{t('programme.bands.count')}</th>
        </tr>
      </thead>
      <tbody>
        {VALUE_BANDS.map((band) => (
          <tr key={band}>
            <th scope="row">{t(`programme.band.${band}`)}</th>
            <td>{totals.valueBands[band]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
