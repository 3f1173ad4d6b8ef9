import type { ReactNode } from 'react';
import { ERROR_CODES, type ErrorCode } from '../../src/common/error-codes.wire';
import { ApiError } from './api';
import { useI18n } from './i18n';

const ERROR_CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && ERROR_CODE_SET.has(code);
}

/**
 * What to tell people about an error, in the UI's language: the words of the API's error code,
 * the API's own message for a code this app does not know yet, or that the server is unreachable.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError && error.status === 0) return t('common.network');
    if (error instanceof ApiError && isErrorCode(error.code)) return t(`error.${error.code}`);
    if (error instanceof Error) return error.message;
    return String(error);
  };
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <div className="error" role="alert">
      <span>{text(error)}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** A labelled form field with its hint and the API's messages for it. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      <FieldMessages messages={errors} id={`${id}-error`} />
    </div>
  );
}

/** The API's messages about a field or a group of fields (a fieldset), read out as they come. */
export function FieldMessages({ messages, id }: { messages: string[] | undefined; id?: string }) {
  return messages?.map((message) => (
    <small key={message} id={id} className="field-error" role="alert">
      {message}
    </small>
  ));
}

/**
 * The field messages of a 400 by top-level field, or none: `offers[2]: must be ...` belongs to
 * the offers field.
 */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(error.fields)) {
    const root = /^[^.[]+/.exec(path)?.[0] ?? path;
    const nested = path !== root;
    byField[root] = [
      ...(byField[root] ?? []),
      ...messages.map((message) => (nested ? `${path}: ${message}` : message)),
    ];
  }
  return byField;
}
