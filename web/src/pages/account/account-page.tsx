import { useAccount } from '../../account';
import { useI18n } from '../../i18n';
import { ChangeEmailForm } from './change-email';
import { ChangePasswordForm } from './change-password';
import { VerificationStatus } from './verification-status';

/** `/account`: the address and whether it is verified, the password, a new address. */
export function AccountPage() {
  const { t } = useI18n();
  const { user } = useAccount().me;
  return (
    <main className="narrow">
      <h1>{t('account.title')}</h1>
      <p className="muted">{t('account.signedInAs', { name: user.name, email: user.email })}</p>
      <VerificationStatus email={user.email} verified={user.emailVerified} />
      <ChangePasswordForm />
      <ChangeEmailForm current={user.email} />
    </main>
  );
}
