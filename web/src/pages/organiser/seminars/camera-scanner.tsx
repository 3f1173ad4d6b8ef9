import { useEffect, useRef, useState } from 'react';
import type { IScannerControls } from '@zxing/browser';
import { useI18n } from '../../../i18n';

/** How long the same code read again is ignored: a code held before the camera reads many times. */
const REPEAT_MS = 3000;

/**
 * The device's camera reading QR codes (`@zxing/browser`, loaded when the scanner is first
 * turned on, so the rest of the app does not carry it). The back camera is asked for; each code
 * read is handed on once, then ignored for a few seconds while it is still in view. Without a
 * camera (or permission), it says so: the typed code still works.
 */
export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState(false);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    if (!on) return;
    let controls: IScannerControls | undefined;
    let stopped = false;
    let last = { text: '', at: 0 };
    void import('@zxing/browser')
      .then(({ BrowserQRCodeReader }) =>
        new BrowserQRCodeReader().decodeFromConstraints(
          { video: { facingMode: 'environment' } },
          video.current ?? undefined,
          (result) => {
            if (!result) return;
            const text = result.getText();
            const now = Date.now();
            if (text === last.text && now - last.at < REPEAT_MS) return;
            last = { text, at: now };
            latest.current(text);
          },
        ),
      )
      .then((started) => {
        controls = started;
        if (stopped) started.stop();
      })
      .catch(() => {
        setProblem(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [on]);

  return (
    <section className="camera-scanner" aria-labelledby="camera-title">
      <h2 id="camera-title">{t('seminars.scan.title')}</h2>
      <button
        type="button"
        className="secondary"
        aria-pressed={on}
        onClick={() => {
          setProblem(false);
          setOn(!on);
        }}
      >
        {on ? t('seminars.scan.stop') : t('seminars.scan.start')}
      </button>
      {problem && <p role="alert">{t('seminars.scan.noCamera')}</p>}
      {/* The preview: muted and inline so that phones play it in the page. */}
      <video ref={video} hidden={!on} muted playsInline className="scanner-video" />
    </section>
  );
}
