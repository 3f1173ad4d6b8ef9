import { Link } from 'react-router';
import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import type { Opportunity } from './types';
import { useDeleteOpportunity } from './use-opportunities';

/** Its poster's (and organisers') actions on a post: edit it, or delete it after confirming. */
export function OwnerActions({ post, own }: { post: Opportunity; own: boolean }) {
  const { t } = useI18n();
  const remove = useDeleteOpportunity(post.id);
  return (
    <section>
      {own && <p className="muted">{t('opportunities.own')}</p>}
      <div className="actions">
        <Link
          className="button"
          to={`/opportunities/${post.id}/edit`}
          aria-label={t('opportunities.editNamed', { title: post.title })}
        >
          {t('opportunities.edit')}
        </Link>
        <ConfirmButton
          label={t('opportunities.delete')}
          accessibleLabel={t('opportunities.deleteNamed', { title: post.title })}
          question={t('opportunities.deleteQuestion', { title: post.title })}
          confirmLabel={t('opportunities.deleteConfirm')}
          cancelLabel={t('opportunities.keep')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </div>
      {remove.isError && <ErrorBox error={remove.error} />}
    </section>
  );
}
