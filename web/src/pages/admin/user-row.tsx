import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import type { AdminUser } from './users-page';
import { useSetDisabled } from './use-users';

/** One account: who, role, since when, whether disabled; disabling asks first. */
export function UserRow({ user, self }: { user: AdminUser; self: boolean }) {
  const { t, dateTime } = useI18n();
  const setDisabled = useSetDisabled(user.id);
  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>{t(`admin.role.${user.role}`)}</td>
      <td>{dateTime(user.createdAt)}</td>
      <td>
        {user.disabled ? (
          <span className="badge rejected">{t('admin.users.disabled')}</span>
        ) : (
          <span className="badge verified">{t('admin.users.active')}</span>
        )}
      </td>
      <td>
        {self ? (
          <span className="muted">{t('admin.users.you')}</span>
        ) : user.disabled ? (
          <button
            type="button"
            className="secondary small"
            disabled={setDisabled.isPending}
            aria-label={t('admin.users.enableNamed', { name: user.name })}
            onClick={() => setDisabled.mutate(false)}
          >
            {t('admin.users.enable')}
          </button>
        ) : (
          <ConfirmButton
            label={t('admin.users.disable')}
            accessibleLabel={t('admin.users.disableNamed', { name: user.name })}
            className="danger small"
            title={t('admin.users.disableTitle', { name: user.name })}
            question={
              <p>{t('admin.users.disableQuestion', { name: user.name, email: user.email })}</p>
            }
            confirmLabel={t('admin.users.disableConfirm')}
            busy={setDisabled.isPending}
            onConfirm={() => setDisabled.mutate(true)}
          />
        )}
        {setDisabled.isError && <ErrorBox error={setDisabled.error} />}
      </td>
    </tr>
  );
}
