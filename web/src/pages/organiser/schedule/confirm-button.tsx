import { useState, type ReactNode } from 'react';

/**
 * A button for what cannot be undone: pressed, it says what will happen and asks; only the
 * confirmation acts. The question takes the keyboard's focus on its confirming button.
 */
export function ConfirmButton({
  label,
  question,
  confirm,
  cancel,
  danger,
  disabled,
  onConfirm,
}: {
  label: string;
  question: ReactNode;
  confirm: string;
  /** The button that takes the question back. */
  cancel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className={danger ? 'danger' : undefined}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <div className="notice" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <div className="actions">
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          autoFocus
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirm}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
