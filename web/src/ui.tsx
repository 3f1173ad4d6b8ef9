import { cloneElement, isValidElement, type ReactNode } from 'react';
import { ERROR_CODES, type ErrorCode } from '../../src/common/error-codes.wire';
import { ApiError } from './api';
import { fieldErrors } from './field-words';
import { useI18n } from './i18n';

const ERROR_CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && ERROR_CODE_SET.has(code);
}

/**
 * What to tell people about an error, in the UI's language: the words of the API's error code,
 * the API's own message for a code this app does not know yet, or that the server is unreachable.
 * A 400 shown whole (by a form with no place for each field's words) says what is wrong with
 * each field, in words for people (`fieldErrors`).
 */
export function useErrorText(): (error: unknown) => string {
  const i18n = useI18n();
  const { t } = i18n;
  return (error) => {
    if (error instanceof ApiError && error.status === 0) return t('common.network');
    // A 400 of fields: their words (an error with its own code keeps the code's words).
    if (error instanceof ApiError && (error.code ?? 'validation_failed') === 'validation_failed') {
      const fields = Object.values(fieldErrors(error, i18n)).flat();
      if (fields.length > 0) return fields.join(' ');
    }
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
  // The control says it is invalid and which hint and messages describe it, unless it says so
  // itself (a control that is no single element, such as a group, is left alone).
  const control =
    isValidElement<{ 'aria-invalid'?: unknown; 'aria-describedby'?: string }>(children) &&
    children.props['aria-invalid'] === undefined
      ? cloneElement(children, {
          'aria-invalid': errors?.length ? true : undefined,
          'aria-describedby':
            [
              ...new Set(
                [
                  ...(children.props['aria-describedby']?.split(' ') ?? []),
                  hint && `${id}-hint`,
                  errors?.length && `${id}-error`,
                ].filter(Boolean),
              ),
            ].join(' ') || undefined,
        })
      : children;
  return (
    <div className={errors?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
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

/** Facts as a list of terms and what they are (a profile's, a post's); a blank one is left out. */
export function Facts({ facts }: { facts: [label: string, value: string][] }) {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
