import { useCallback, useState } from 'react';
import { fieldErrors } from './ui';

/**
 * A form's last error and the API's messages by field; a field's messages go as soon as the
 * field is edited, so that what is still wrong stays next to what was fixed.
 */
export function useFormErrors() {
  const [error, setErrorState] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const setError = useCallback((caught: unknown) => {
    setErrorState(caught);
    setFields(fieldErrors(caught));
  }, []);
  const edited = useCallback(
    (key: string) =>
      setFields((current) => {
        if (!(key in current)) return current;
        const rest = { ...current };
        delete rest[key];
        return rest;
      }),
    [],
  );
  /** An error that names no field (a 409, the network): shown as a whole. */
  const general = error !== null && Object.keys(fieldErrors(error)).length === 0 ? error : null;
  return { fields, general, setError, edited };
}
