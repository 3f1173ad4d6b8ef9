import { useMemo, type ReactNode } from 'react';
import { useI18n } from './i18n';
import type { TaxonomyEntry } from './api';
import {
  countryChoices,
  countryName,
  languageChoices,
  languageName,
  taxonomyLabel,
  type Choice,
} from './names';
import { timeZones, zoneLabel } from './zoned-time';

/**
 * Choosers of countries, languages and time zones, each named in the UI's language and sorted
 * by name, so that nobody types `HK`, `zh` or `Asia/Hong_Kong`. The `id` is the control's, for
 * a `Field`'s label (which also gives it `aria-invalid` and `aria-describedby`).
 */

interface SelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Offered first with no value: "Choose…" (a field not filled in yet), or words of its own ("Any"). */
  placeholder?: boolean | string;
  /** Added by `Field`. */
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function ChoiceSelect({
  choices,
  placeholder = true,
  onChange,
  ...props
}: SelectProps & { choices: Choice[] }) {
  const { t } = useI18n();
  // A value not among the choices (an old code) stays shown, so that saving does not change it.
  const known = props.value === '' || choices.some((choice) => choice.code === props.value);
  return (
    <select {...props} onChange={(event) => onChange(event.target.value)}>
      {placeholder !== false && (
        <option value="">{placeholder === true ? t('picker.choose') : placeholder}</option>
      )}
      {!known && <option value={props.value}>{props.value}</option>}
      {choices.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.name}
        </option>
      ))}
    </select>
  );
}

export function CountrySelect(props: SelectProps) {
  const { language } = useI18n();
  const choices = useMemo(() => countryChoices(language), [language]);
  return <ChoiceSelect {...props} choices={choices} />;
}

export function LanguageSelect(props: SelectProps) {
  const { language } = useI18n();
  const choices = useMemo(() => languageChoices(language), [language]);
  return <ChoiceSelect {...props} choices={choices} />;
}

/** A sector or partnership kind of the taxonomy (`GET /api/taxonomy`), by its label. */
export function TaxonomySelect({ entries, ...props }: SelectProps & { entries: TaxonomyEntry[] }) {
  const { t } = useI18n();
  const choices = entries.map(({ id }) => ({ code: id, name: taxonomyLabel(id, t) }));
  return <ChoiceSelect {...props} choices={choices} />;
}

/** Every zone the browser knows, by its name in the UI's language and its offset now. */
export function ZoneSelect(props: Omit<SelectProps, 'placeholder'>) {
  const { language } = useI18n();
  const choices = useMemo(
    () => timeZones(props.value).map((zone) => ({ code: zone, name: zoneLabel(zone, language) })),
    [props.value, language],
  );
  return <ChoiceSelect {...props} placeholder={false} choices={choices} />;
}

interface ListProps {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A list chosen one at a time: the chosen ones by name, each with a button to remove it, then a
 * select that adds what is picked. The select is the control `id` names.
 */
function ChoiceList({
  id,
  values,
  onChange,
  choices,
  nameOf,
  ...aria
}: ListProps & { choices: Choice[]; nameOf: (code: string) => string }) {
  const { t } = useI18n();
  const left = choices.filter((choice) => !values.includes(choice.code));
  return (
    <div className="choice-list">
      {values.length > 0 && (
        <ul className="chips" aria-label={t('picker.chosen')}>
          {values.map((code) => (
            <li key={code} className="chip">
              {nameOf(code)}
              <button
                type="button"
                className="link"
                aria-label={t('picker.remove', { name: nameOf(code) })}
                onClick={() => onChange(values.filter((value) => value !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        id={id}
        {...aria}
        value=""
        onChange={(event) => {
          if (event.target.value) onChange([...values, event.target.value]);
        }}
      >
        <option value="">{t(values.length > 0 ? 'picker.add' : 'picker.choose')}</option>
        {left.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CountriesPicker(props: ListProps) {
  const { language } = useI18n();
  const choices = useMemo(() => countryChoices(language), [language]);
  return <ChoiceList {...props} choices={choices} nameOf={(code) => countryName(code, language)} />;
}

export function LanguagesPicker(props: ListProps) {
  const { language } = useI18n();
  const choices = useMemo(() => languageChoices(language), [language]);
  return (
    <ChoiceList {...props} choices={choices} nameOf={(code) => languageName(code, language)} />
  );
}

/** Countries by name in the UI's language, as a sentence's list ("Hong Kong and Macao"). */
export function CountryNames({ codes }: { codes: readonly string[] }): ReactNode {
  const { language } = useI18n();
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(
    codes.map((code) => countryName(code, language)),
  );
}
