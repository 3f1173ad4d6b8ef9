import type { ProgrammeReport } from '../../../../../src/programme/programme.wire';
import { useI18n } from '../../../i18n';
import { FIGURE_COLUMNS } from './figures';

/** Every figure of every row, and the totals: the table an officer copies into a paper. */
export function FiguresTable({
  report,
  partnerLabel,
}: {
  report: ProgrammeReport;
  partnerLabel: (row: ProgrammeReport['rows'][number]) => string;
}) {
  const { t } = useI18n();
  const cell = (value: number | null) => (value === null ? t('programme.noRating') : value);
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('programme.table.title')}
    >
      <table className="programme-table">
        <caption>{t('programme.table.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.col.partner')}</th>
            {report.year === null && <th scope="col">{t('programme.col.year')}</th>}
            {FIGURE_COLUMNS.map((column) => (
              <th scope="col" key={column.key}>
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={`${row.partner.id}-${row.year}`}>
              <th scope="row">{partnerLabel(row)}</th>
              {report.year === null && <td>{row.year}</td>}
              {FIGURE_COLUMNS.map((column) => (
                <td key={column.key}>{cell(column.value(row))}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('programme.total')}</th>
            {report.year === null && <td />}
            {FIGURE_COLUMNS.map((column) => (
              <td key={column.key}>{cell(column.value(report.totals))}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
