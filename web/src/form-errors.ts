import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldErrors, type FieldWordsOptions } from './field-words';
import { useI18n } from './i18n';

export { fieldErrors, type FieldWordsOptions } from './field-words';

/**
 * The API's refusal of a form's fields, by field, in the reader's language (`fieldErrors`): the
 * one way every form words a 400.
 */
export function useFieldErrors(
  error: unknown,
  options?: FieldWordsOptions,
): Record<string, string[]> {
  const i18n = useI18n();
  return fieldErrors(error, i18n, options);
}

/**
 * Moves the focus to the first invalid control of the form (`aria-invalid`, which `Field` sets)
 * each time a new error comes, so that a keyboard or screen-reader user lands on what to fix.
 * Attach the ref to the `<form>`.
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>(error: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!error || !ref.current) return;
    const first = ref.current.querySelector<HTMLElement>(
      '[aria-invalid="true"], .field.invalid input, .field.invalid select, .field.invalid textarea, fieldset.invalid input',
    );
    first?.focus();
  }, [error]);
  return ref;
}

/**
 * A form's last error and its refused fields in the reader's language; a field's messages go as
 * soon as the field is edited, so that what is still wrong stays next to what was fixed. `formRef`
 * goes on the `<form>`: the focus moves to its first invalid field on each error.
 */
export function useFormErrors(options?: FieldWordsOptions) {
  const i18n = useI18n();
  const [error, setErrorState] = useState<unknown>(null);
  const [edits, setEdits] = useState<string[]>([]);
  const setError = useCallback((caught: unknown) => {
    setErrorState(caught);
    setEdits([]);
  }, []);
  const edited = useCallback(
    (key: string) => setEdits((current) => (current.includes(key) ? current : [...current, key])),
    [],
  );
  const all = fieldErrors(error, i18n, options);
  const fields = Object.fromEntries(Object.entries(all).filter(([key]) => !edits.includes(key)));
  /** An error that names no field (a 409, the network): shown as a whole. */
  const general = error !== null && Object.keys(all).length === 0 ? error : null;
  const formRef = useFocusFirstInvalid(error);
  return { fields, general, setError, edited, formRef };
}
