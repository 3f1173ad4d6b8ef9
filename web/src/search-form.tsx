import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { Field } from './ui';

/**
 * A list's search (the directory of firms, the opportunities board): the words to look for, then
 * the list's own filters (`children`, given the draft and a setter per filter), applied on
 * submit; the API's words about a bad filter are shown by its field.
 */
export function SearchForm<F extends { q: string }>({
  id,
  initial,
  fields,
  submitLabel,
  onSearch,
  children,
}: {
  /** The prefix of the controls' ids (`<id>-q`). */
  id: string;
  initial: F;
  fields: Record<string, string[]>;
  submitLabel: string;
  onSearch: (filters: F) => void;
  children: (draft: F, set: (key: keyof F) => (value: string) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const set = (key: keyof F) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <form
      role="search"
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft);
      }}
    >
      <div className="row">
        <Field id={`${id}-q`} label={t('org.companies.q')} errors={fields.q}>
          <input
            id={`${id}-q`}
            type="search"
            value={draft.q}
            onChange={(event) => set('q')(event.target.value)}
          />
        </Field>
        {children(draft, set)}
      </div>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </form>
  );
}
