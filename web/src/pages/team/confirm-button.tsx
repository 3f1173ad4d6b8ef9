import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

/**
 * A button for what cannot be undone: it first says what will happen and asks, and acts only on
 * the second click (the question takes the focus, so that screen readers read it).
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  onConfirm,
  busy,
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="danger"
        aria-label={accessibleLabel}
        disabled={busy}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('team.confirm')}
      </button>{' '}
      <button type="button" className="link" onClick={() => setAsking(false)}>
        {t('team.cancel')}
      </button>
    </div>
  );
}
