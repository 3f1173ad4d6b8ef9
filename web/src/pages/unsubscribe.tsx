import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { WireUnsubscribe } from '../../../src/notifications/notification.wire';
import { client } from '../api/client';
import { I18nContext, initialLanguage, makeI18n, useI18n } from '../i18n';
import { Loading } from '../ui';

/**
 * The page an email's unsubscribe link opens, without signing in: it says which emails stop, for
 * which address, and stops them with one click (mail clients that know RFC 8058 post the same
 * address themselves).
 */
export function UnsubscribePage() {
  const i18n = useMemo(() => makeI18n(initialLanguage()), []);
  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <span className="brand">{i18n.t('app.name')}</span>
      </header>
      <div id="content">
        <Unsubscribe />
      </div>
    </I18nContext.Provider>
  );
}

function Unsubscribe() {
  const { t } = useI18n();
  const key = useSearchParams()[0].get('key') ?? '';
  const query = { params: { query: { key } } };
  const shown = useQuery({
    queryKey: ['unsubscribe', key],
    queryFn: async (): Promise<WireUnsubscribe> =>
      (await client.GET('/api/unsubscribe', query)).data!,
  });
  const stop = useMutation({
    mutationFn: async () => (await client.POST('/api/unsubscribe', query)).data!,
  });
  const words = (state: WireUnsubscribe) => ({
    kind: t(`kind.${state.kind}` as const),
    email: state.email,
  });
  let body;
  if (shown.isPending) body = <Loading />;
  else if (shown.isError) body = <p role="alert">{t('unsubscribe.bad')}</p>;
  else if (stop.data) body = <p role="status">{t('unsubscribe.done', words(stop.data))}</p>;
  else if (shown.data.delivery !== 'email')
    body = <p>{t('unsubscribe.already', words(shown.data))}</p>;
  else
    body = (
      <>
        <p>{t('unsubscribe.what', words(shown.data))}</p>
        {stop.isError && <p role="alert">{t('unsubscribe.bad')}</p>}
        <button type="button" disabled={stop.isPending} onClick={() => stop.mutate()}>
          {t('unsubscribe.confirm')}
        </button>
      </>
    );
  return (
    <main className="narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {body}
    </main>
  );
}
