import { ApiError } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';

/** API error codes of accounts and teams worded for people, in the chosen language. */
const WORDED: Record<string, MessageKey> = {
  'auth.token_invalid_link': 'errors.auth.token_invalid_link',
  'company.last_owner': 'errors.company.last_owner',
};

/** The error with its message in the chosen language when its code has words of ours. */
export function useWordedError(): (error: unknown) => unknown {
  const { t } = useI18n();
  return (error) => {
    if (!(error instanceof ApiError) || !error.code || !(error.code in WORDED)) return error;
    return new ApiError(error.status, t(WORDED[error.code]), error.code, error.fields);
  };
}
