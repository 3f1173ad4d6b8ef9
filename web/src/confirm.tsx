import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from './i18n';

/** What a confirmation asks besides yes or no. */
export interface ConfirmOptions {
  /** The dialog's heading; the button's label if not given. */
  title?: string;
  /** What will happen, in a sentence or two. */
  question: ReactNode;
  /** The confirming button's words ("Close the session"); "Yes, do it" if not given. */
  confirmLabel?: string;
  /** The other button's words ("Keep it"); "Cancel" if not given. */
  cancelLabel?: string;
  /** Words the user types to confirm (a session's title, for what cannot be undone). */
  typeToConfirm?: string;
  /** A reason to give (sent to the firm when rejecting); `required` keeps Confirm off until then. */
  reason?: { label: string; hint?: string; required?: boolean; maxLength?: number };
}

/**
 * A button for what cannot be undone or is hard to: it opens a dialog that says what will happen
 * and asks first, with the typed words or the reason it needs, and acts only on its Confirm. The
 * one confirmation of the app (a modal `role="dialog"`): the focus moves into it (to its first
 * field, or to Cancel), Tab stays inside, Escape or Cancel closes it, and the focus goes back to
 * the button that opened it.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  onConfirm,
  busy,
  className = 'danger',
  ...options
}: ConfirmOptions & {
  label: string;
  accessibleLabel?: string;
  onConfirm: (reason: string) => void;
  busy?: boolean;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // After the dialog left the page, the focus goes back where the user was.
    setTimeout(() => trigger.current?.focus(), 0);
  };
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={accessibleLabel}
        aria-haspopup="dialog"
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && (
        <ConfirmDialog
          {...options}
          title={options.title ?? accessibleLabel ?? label}
          onCancel={close}
          onConfirm={(reason) => {
            close();
            onConfirm(reason);
          }}
        />
      )}
    </>
  );
}

/** The dialog itself, for a caller that opens it some other way. */
export function ConfirmDialog({
  title,
  question,
  confirmLabel,
  cancelLabel,
  typeToConfirm,
  reason,
  onConfirm,
  onCancel,
}: ConfirmOptions & {
  title: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState('');
  const [given, setGiven] = useState('');

  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>('input, textarea, [data-cancel]');
    first?.focus();
  }, []);

  const typedOk = typeToConfirm === undefined || typed.trim() === typeToConfirm.trim();
  const reasonOk = !reason?.required || given.trim().length > 0;

  /** Escape closes; Tab and Shift+Tab go round the dialog's own controls. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>('input, textarea, button:not(:disabled)'),
    ];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-question`}
        onKeyDown={onKeyDown}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typedOk && reasonOk) onConfirm(given.trim());
          }}
        >
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-question`}>{question}</div>
          {reason && (
            <label>
              {reason.label}
              {reason.required && ` (${t('confirm.required')})`}
              <textarea
                value={given}
                maxLength={reason.maxLength ?? 2000}
                required={reason.required}
                aria-describedby={reason.hint ? `${id}-reason-hint` : undefined}
                onChange={(event) => setGiven(event.target.value)}
              />
              {reason.hint && (
                <span id={`${id}-reason-hint`} className="muted">
                  {reason.hint}
                </span>
              )}
            </label>
          )}
          {typeToConfirm !== undefined && (
            <label>
              {t('confirm.typeToConfirm', { title: typeToConfirm })}
              <input
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
          )}
          <div className="actions">
            <button type="submit" className="danger" disabled={!typedOk || !reasonOk}>
              {confirmLabel ?? t('confirm.yes')}
            </button>
            <button type="button" className="secondary" data-cancel onClick={onCancel}>
              {cancelLabel ?? t('confirm.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
