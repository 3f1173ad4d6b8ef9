import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../form-errors';
import { ErrorBox, Field } from '../../ui';
import { useCreateUser } from './use-users';

/** An admin creates an organiser's (or another admin's) account, with a first password. */
export function CreateUser() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'organiser' | 'admin'>('organiser');
  const create = useCreateUser();
  const fields = useFieldErrors(create.error);
  const formRef = useFocusFirstInvalid(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email, name, password, role },
      {
        onSuccess: () => {
          setEmail('');
          setName('');
          setPassword('');
        },
      },
    );
  };

  const invalid = (field: string) => ({
    'aria-invalid': fields[field] ? true : undefined,
    'aria-describedby': fields[field] ? `new-user-${field}-error` : undefined,
  });

  return (
    <section aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.create.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field id="new-user-name" label={t('admin.create.name')} errors={fields.name}>
          <input
            id="new-user-name"
            value={name}
            autoComplete="off"
            required
            {...invalid('name')}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field id="new-user-email" label={t('admin.create.email')} errors={fields.email}>
          <input
            id="new-user-email"
            type="email"
            value={email}
            autoComplete="off"
            required
            {...invalid('email')}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field
          id="new-user-password"
          label={t('admin.create.password')}
          hint={t('admin.create.passwordHint')}
          errors={fields.password}
        >
          <input
            id="new-user-password"
            type="password"
            value={password}
            autoComplete="new-password"
            required
            {...invalid('password')}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <Field id="new-user-role" label={t('admin.create.role')} errors={fields.role}>
          <select
            id="new-user-role"
            value={role}
            onChange={(event) => setRole(event.target.value as 'organiser' | 'admin')}
          >
            <option value="organiser">{t('admin.role.organiser')}</option>
            <option value="admin">{t('admin.role.admin')}</option>
          </select>
        </Field>
        {create.error && Object.keys(fields).length === 0 && <ErrorBox error={create.error} />}
        {create.isSuccess && (
          <p className="notice ok" role="status">
            {t('admin.create.done', { name: create.data.user.name, email: create.data.user.email })}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
