import { FOLLOW_UP_MONTHS } from '../../../../../src/follow-ups/follow-ups.wire';
import { useI18n } from '../../../i18n';
import { FieldMessages } from '../../../ui';

const MONTHS = Array.from(
  { length: FOLLOW_UP_MONTHS.max - FOLLOW_UP_MONTHS.min + 1 },
  (_, index) => FOLLOW_UP_MONTHS.min + index,
);

/**
 * "Ask firms what came of their meetings after … months": one to four of 1–24 months after the
 * close. The boxes past the fourth are disabled once four are chosen; the API says the rest.
 */
export function FollowUpMonthsFieldset({
  months,
  errors,
  onChange,
}: {
  months: number[];
  errors: string[] | undefined;
  onChange: (months: number[]) => void;
}) {
  const { t } = useI18n();
  const full = months.length >= FOLLOW_UP_MONTHS.maxCount;
  return (
    <fieldset
      className={errors ? 'invalid follow-up-months' : 'follow-up-months'}
      aria-describedby="followUpMonths-hint"
    >
      <legend>{t('followUps.form.legend')}</legend>
      <small id="followUpMonths-hint">{t('followUps.form.hint')}</small>
      <div className="month-choices">
        {MONTHS.map((month) => {
          const chosen = months.includes(month);
          return (
            <label key={month} className="choice">
              <input
                type="checkbox"
                checked={chosen}
                disabled={!chosen && full}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...months, month].sort((a, b) => a - b)
                      : months.filter((other) => other !== month),
                  )
                }
              />
              {t('followUps.form.month', { months: month })}
            </label>
          );
        })}
      </div>
      <FieldMessages messages={errors} />
    </fieldset>
  );
}
