import { useI18n } from '../../../i18n';
import { Field, FieldMessages } from '../../../ui';
import { WEIGHT_NAMES, type WeightName } from '../types';

/** The six scoring weights (blank: the default), with the API's message about them. */
export function WeightsFieldset({
  weights,
  errors,
  onChange,
}: {
  weights: Record<WeightName, string>;
  errors: string[] | undefined;
  onChange: (weights: Record<WeightName, string>) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={errors ? 'invalid' : undefined}>
      <legend>{t('org.form.weights')}</legend>
      <small>{t('org.form.weightsHint')}</small>
      <div className="row">
        {WEIGHT_NAMES.map((name) => (
          <Field key={name} id={`weight-${name}`} label={t(`org.weight.${name}`)}>
            <input
              id={`weight-${name}`}
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={weights[name]}
              onChange={(event) => onChange({ ...weights, [name]: event.target.value })}
            />
          </Field>
        ))}
      </div>
      <FieldMessages messages={errors} />
    </fieldset>
  );
}
