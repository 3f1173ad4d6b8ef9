import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

/**
 * A check-in code as a QR code (drawn in the browser by `qrcode`, as an SVG image: sharp at any size, no canvas needed) with the
 * code written under it, to type at the door when a camera cannot read the screen.
 */
export function CheckInQr({ code }: { code: string }) {
  const { t } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((svg) => current && setImage(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`))
      .catch(() => current && setImage(null));
    return () => {
      current = false;
    };
  }, [code]);
  return (
    <figure className="check-in-qr">
      {image && <img src={image} width={240} height={240} alt={t('seminars.qrAlt', { code })} />}
      <figcaption>
        {t('seminars.typedCode')} <code className="check-in-code">{code}</code>
      </figcaption>
    </figure>
  );
}
