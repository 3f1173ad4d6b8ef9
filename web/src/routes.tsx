import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, useParams, useSearchParams, type RouteObject } from 'react-router';
import { useAccount } from './account';
import { App } from './App';
import { useI18n } from './i18n';
import { CompanyEditPage, CompanyPage } from './pages/company';
import { DelegationFormPage } from './pages/delegation-form';
import { DirectoryPage } from './pages/directory';
import { MessagesPage } from './pages/messages';
import { DelegationPage, DelegationsPage, isOrganiserRole } from './pages/delegations';
import { NotificationsPage } from './pages/notifications';
import { BoardPage, OpportunityFormPage, OpportunityPage } from './pages/opportunities';
import { ProfilePage } from './pages/profile';
import { SessionPage } from './pages/session';
import { SessionInvitationPage } from './pages/session-invitation';
import { SessionsPage } from './pages/sessions';
import { SettingsPage } from './pages/settings';
import { UnsubscribePage } from './pages/unsubscribe';
import { FollowUpPage } from './pages/follow-up';
import { AccountPage } from './pages/account/account-page';
import { ForgotPasswordPage } from './pages/account/forgot-password';
import { ResetPasswordPage } from './pages/account/reset-password';
import { VerifyEmailPage } from './pages/account/verify-email';
import { InvitationPage } from './pages/team/invitation-page';
import { TeamPage } from './pages/team/team-page';
import { Loading } from './ui';

// The live room brings socket.io-client: loaded when first opened.
const LivePage = lazy(() => import('./pages/live'));
// The organisers' screens, one chunk loaded when an organiser first opens one.
const organiser = () => import('./pages/organiser');
const OrganiserHome = lazy(() => organiser().then((m) => ({ default: m.OrganiserHome })));
const CompaniesPage = lazy(() => organiser().then((m) => ({ default: m.CompaniesPage })));
const ImportPage = lazy(() => organiser().then((m) => ({ default: m.ImportPage })));
const NewSessionPage = lazy(() => organiser().then((m) => ({ default: m.NewSessionPage })));
const EditSessionPage = lazy(() => organiser().then((m) => ({ default: m.EditSessionPage })));
const OrganiserSessionPage = lazy(() =>
  organiser().then((m) => ({ default: m.OrganiserSessionPage })),
);
const ScheduleBoardPage = lazy(() => organiser().then((m) => ({ default: m.ScheduleBoardPage })));
// The reports draw charts: a chunk of their own.
const reports = () => import('./pages/organiser/reports');
const ReportPage = lazy(() => reports().then((m) => ({ default: m.ReportPage })));
const ProgrammePage = lazy(() => reports().then((m) => ({ default: m.ProgrammePage })));
const ActForPage = lazy(() => organiser().then((m) => ({ default: m.ActForPage })));
// The organisers' seminar screens (issue 18), with the camera scanner: their own chunk.
// Firms' seminar pages (with the QR code of a seat): their own chunk too.
const firmSeminars = () => import('./pages/seminars');
const SeminarsPage = lazy(() => firmSeminars().then((m) => ({ default: m.SeminarsPage })));
const SeminarPage = lazy(() => firmSeminars().then((m) => ({ default: m.SeminarPage })));
const organiserSeminars = () => import('./pages/organiser/seminars');
const SeminarFormPage = lazy(() =>
  organiserSeminars().then((m) => ({ default: m.SeminarFormPage })),
);
const SeminarRegistrationsPage = lazy(() =>
  organiserSeminars().then((m) => ({ default: m.SeminarRegistrationsPage })),
);
const SeminarCheckInPage = lazy(() =>
  organiserSeminars().then((m) => ({ default: m.SeminarCheckInPage })),
);
// Partner economies and their agreements (issue 18), in the organisers' area.
const partners = () => import('./pages/partners');
const PartnersPage = lazy(() => partners().then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => partners().then((m) => ({ default: m.PartnerPage })));
// The platform admin's screens (issue 15).
const UsersPage = lazy(() =>
  import('./pages/admin/users-page').then((m) => ({ default: m.UsersPage })),
);

/** Ids in paths are UUIDs; any other id is a page that does not exist. */
const UUID = /^[0-9a-f-]{36}$/;

function NotFound() {
  const { t } = useI18n();
  return <p>{t('common.notFound')}</p>;
}

/** The page for the path's `:id`, or not found. */
function WithId({ page }: { page: (id: string) => ReactNode }) {
  const { id } = useParams();
  return id !== undefined && UUID.test(id) ? page(id) : <NotFound />;
}

/** An organiser's view of a session as one of its firms: both ids in the path are UUIDs. */
function ActFor() {
  const { id, companyId } = useParams();
  if (id === undefined || companyId === undefined || !UUID.test(id) || !UUID.test(companyId))
    return <NotFound />;
  return <ActForPage key={companyId} sessionId={id} companyId={companyId} />;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

const organising = (role: string) => role !== 'member';

/** A firm's start: its company to register first, then the sessions. */
function FirmHome() {
  const { me, reload } = useAccount();
  if (me.companies.length > 0) return <SessionsPage />;
  return <CompanyPage companies={me.companies} onRegistered={reload} />;
}

/** `/`: the organisers' home for organisers, a firm's start for members. */
function Home() {
  const { me } = useAccount();
  if (!organising(me.user.role)) return <FirmHome />;
  return (
    <Lazy>
      <OrganiserHome />
    </Lazy>
  );
}

function OrganisersOnly() {
  const { me } = useAccount();
  if (!organising(me.user.role)) return <NotFound />;
  return (
    <Lazy>
      <Outlet />
    </Lazy>
  );
}

function AdminsOnly() {
  const { me } = useAccount();
  if (me.user.role !== 'admin') return <NotFound />;
  return (
    <Lazy>
      <Outlet />
    </Lazy>
  );
}

function DelegationOrganisersOnly() {
  const { me } = useAccount();
  return isOrganiserRole(me.user) ? <Outlet /> : <NotFound />;
}

function Company() {
  const { me, reload } = useAccount();
  return <CompanyPage companies={me.companies} onRegistered={reload} />;
}

function Session() {
  const { me } = useAccount();
  return <WithId page={(id) => <SessionPage id={id} companies={me.companies} />} />;
}

/** A firm's profile, with what the reader's companies may do with it. */
function Profile() {
  const { me } = useAccount();
  return <WithId page={(id) => <ProfilePage key={id} id={id} companies={me.companies} />} />;
}

/** Messages: the list, a conversation (`:id`), or a first message (`new?from=&to=`). */
function Messages({ mode }: { mode: 'list' | 'conversation' | 'new' }) {
  const { me } = useAccount();
  const { id } = useParams();
  const [search] = useSearchParams();
  if (mode === 'conversation') {
    if (id === undefined || !UUID.test(id)) return <NotFound />;
    return <MessagesPage companies={me.companies} opened={{ kind: 'conversation', id }} />;
  }
  if (mode === 'new') {
    const [from, to] = [search.get('from') ?? '', search.get('to') ?? ''];
    if (!UUID.test(from) || !UUID.test(to)) return <NotFound />;
    return <MessagesPage companies={me.companies} opened={{ kind: 'new', from, to }} />;
  }
  return <MessagesPage companies={me.companies} opened={{ kind: 'none' }} />;
}

function CompanyEdit() {
  const { reload } = useAccount();
  return <WithId page={(id) => <CompanyEditPage id={id} onSaved={reload} />} />;
}

function Delegations() {
  return <DelegationsPage user={useAccount().me.user} />;
}

function Delegation() {
  const { me } = useAccount();
  return (
    <WithId
      page={(id) => <DelegationPage key={id} id={id} user={me.user} companies={me.companies} />}
    />
  );
}

/** Seminars and workshops (issue 18), for every signed-in user. */
function Seminars() {
  return <SeminarsPage user={useAccount().me.user} />;
}

function Seminar() {
  const { me } = useAccount();
  return (
    <WithId
      page={(id) => <SeminarPage key={id} id={id} user={me.user} companies={me.companies} />}
    />
  );
}

/** The opportunities board and its posts (issue 16), for every signed-in user. */
function Board() {
  const { me } = useAccount();
  return <BoardPage user={me.user} companies={me.companies} />;
}

function Opportunity() {
  const { me } = useAccount();
  return (
    <WithId
      page={(id) => <OpportunityPage key={id} id={id} user={me.user} companies={me.companies} />}
    />
  );
}

/** A new post (no `:id`) or changes to one. */
function OpportunityForm({ editing = false }: { editing?: boolean }) {
  const { me } = useAccount();
  const form = (id?: string) => (
    <OpportunityFormPage key={id} id={id} user={me.user} companies={me.companies} />
  );
  return editing ? <WithId page={form} /> : form();
}

/** Every page of the app: the signed-in pages under the shell (which signs in first). */
export const routes: RouteObject[] = [
  // An email's unsubscribe link works without signing in.
  { path: 'unsubscribe', element: <UnsubscribePage /> },
  // A follow-up survey's emailed link too: its signed key is the permission.
  { path: 'follow-up/:key', element: <FollowUpPage /> },
  {
    element: <App />,
    children: [
      { index: true, element: <Home /> },
      { path: 'signin', element: <FirmHome /> },
      { path: 'signup', element: <FirmHome /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'sessions/:id', element: <Session /> },
      {
        path: 'sessions/:id/live',
        element: (
          <WithId
            page={(id) => (
              <Lazy>
                <LivePage key={id} id={id} />
              </Lazy>
            )}
          />
        ),
      },
      { path: 'company', element: <Company /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'companies/:id/edit', element: <CompanyEdit /> },
      // The directory of firms and their profiles (issue 16), for members and organisers alike.
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'companies/:id', element: <Profile /> },
      { path: 'opportunities', element: <Board /> },
      { path: 'opportunities/new', element: <OpportunityForm /> },
      { path: 'opportunities/:id', element: <Opportunity /> },
      { path: 'opportunities/:id/edit', element: <OpportunityForm editing /> },
      // Messages between companies (issue 16).
      { path: 'messages', element: <Messages mode="list" /> },
      { path: 'messages/new', element: <Messages mode="new" /> },
      { path: 'messages/:id', element: <Messages mode="conversation" /> },
      // Accounts and teams (issue 14); the first four open signed out too (App's PUBLIC_PATHS).
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'invitations/accept', element: <InvitationPage /> },
      // An organiser's invitation to a session (issue 15); opens signed out too.
      { path: 'session-invitations/accept', element: <SessionInvitationPage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'companies/:id/team',
        element: <WithId page={(id) => <TeamPage key={id} companyId={id} />} />,
      },
      { path: 'seminars', element: <Seminars /> },
      { path: 'seminars/:id', element: <Seminar /> },
      { path: 'delegations', element: <Delegations /> },
      { path: 'delegations/:id', element: <Delegation /> },
      {
        element: <DelegationOrganisersOnly />,
        children: [
          { path: 'delegations/new', element: <DelegationFormPage /> },
          {
            path: 'delegations/:id/edit',
            element: <WithId page={(id) => <DelegationFormPage key={id} id={id} />} />,
          },
        ],
      },
      {
        path: 'admin',
        element: <AdminsOnly />,
        children: [
          { path: 'users', element: <UsersPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      {
        path: 'organise',
        element: <OrganisersOnly />,
        children: [
          { index: true, element: <OrganiserHome /> },
          { path: 'companies', element: <CompaniesPage /> },
          { path: 'import', element: <ImportPage /> },
          // The programme report (issue 18): per partner economy and year, printable.
          { path: 'programme', element: <ProgrammePage /> },
          { path: 'sessions/new', element: <NewSessionPage /> },
          {
            path: 'sessions/:id',
            element: <WithId page={(id) => <OrganiserSessionPage id={id} />} />,
          },
          {
            path: 'sessions/:id/edit',
            element: <WithId page={(id) => <EditSessionPage id={id} />} />,
          },
          {
            path: 'sessions/:id/schedule',
            element: <WithId page={(id) => <ScheduleBoardPage id={id} />} />,
          },
          {
            path: 'sessions/:id/report',
            element: <WithId page={(id) => <ReportPage id={id} />} />,
          },
          { path: 'seminars/new', element: <SeminarFormPage /> },
          {
            path: 'seminars/:id/edit',
            element: <WithId page={(id) => <SeminarFormPage key={id} id={id} />} />,
          },
          {
            path: 'seminars/:id/registrations',
            element: <WithId page={(id) => <SeminarRegistrationsPage key={id} id={id} />} />,
          },
          {
            path: 'seminars/:id/check-in',
            element: <WithId page={(id) => <SeminarCheckInPage key={id} id={id} />} />,
          },
          // The firm's view of the session, the organiser acting in its name (issue 15).
          { path: 'sessions/:id/act/:companyId', element: <ActFor /> },
          { path: 'partners', element: <PartnersPage canEdit /> },
          {
            path: 'partners/:id',
            element: <WithId page={(id) => <PartnerPage key={id} id={id} canEdit />} />,
          },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
