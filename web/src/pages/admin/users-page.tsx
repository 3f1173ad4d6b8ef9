import { useState } from 'react';
import type { ResponseOf } from '../../api';
import { useAccount } from '../../account';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { Pager } from '../organiser/pager';
import { CreateUser } from './create-user';
import { UserRow } from './user-row';
import { useUsers, type UserFilters } from './use-users';

export type AdminUser = ResponseOf<'UsersController_list'>['items'][number];

/** `/admin/users`: the platform admin finds accounts, creates organisers, disables accounts. */
export function UsersPage() {
  const { t } = useI18n();
  const { me } = useAccount();
  const [filters, setFilters] = useState<UserFilters>({ q: '', role: '', disabled: '', page: 1 });
  const users = useUsers(filters);
  const change = (next: Partial<UserFilters>) =>
    setFilters((current) => ({ ...current, page: 1, ...next }));

  return (
    <main>
      <h1>{t('admin.users.title')}</h1>
      <section aria-labelledby="find-users">
        <h2 id="find-users">{t('admin.users.find')}</h2>
        <div className="filters">
          <div className="field">
            <label htmlFor="users-q">{t('admin.users.search')}</label>
            <input
              id="users-q"
              type="search"
              value={filters.q}
              onChange={(event) => change({ q: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="users-role">{t('admin.users.role')}</label>
            <select
              id="users-role"
              value={filters.role}
              onChange={(event) => change({ role: event.target.value as UserFilters['role'] })}
            >
              <option value="">{t('admin.users.anyRole')}</option>
              <option value="organiser">{t('admin.role.organiser')}</option>
              <option value="admin">{t('admin.role.admin')}</option>
              <option value="member">{t('admin.role.member')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="users-state">{t('admin.users.state')}</label>
            <select
              id="users-state"
              value={filters.disabled}
              onChange={(event) =>
                change({ disabled: event.target.value as UserFilters['disabled'] })
              }
            >
              <option value="">{t('admin.users.anyState')}</option>
              <option value="false">{t('admin.users.active')}</option>
              <option value="true">{t('admin.users.disabled')}</option>
            </select>
          </div>
        </div>
        <QueryLoaded query={users}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('admin.users.none')}</p>
            ) : (
              <>
                <p className="muted" role="status">
                  {t('admin.users.count', { count: page.total })}
                </p>
                <div className="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.create.name')}</th>
                        <th scope="col">{t('admin.create.email')}</th>
                        <th scope="col">{t('admin.users.role')}</th>
                        <th scope="col">{t('admin.users.since')}</th>
                        <th scope="col">{t('admin.users.state')}</th>
                        <th scope="col">{t('org.participants.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((user) => (
                        <UserRow key={user.id} user={user} self={user.id === me.user.id} />
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager {...page} onPage={(next) => setFilters((f) => ({ ...f, page: next }))} />
              </>
            )
          }
        </QueryLoaded>
      </section>
      <CreateUser />
    </main>
  );
}
