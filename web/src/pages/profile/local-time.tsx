import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { zoneName } from '../../zoned-time';

/** The firm's time now, in its own zone, moving on every half minute: whether to call now. */
export function LocalTime({ zone }: { zone: string }) {
  const { t, when, language } = useI18n();
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="muted">
      {t('profile.localTime', { time: when(now, zone), zone: zoneName(zone, language) })}
    </p>
  );
}
