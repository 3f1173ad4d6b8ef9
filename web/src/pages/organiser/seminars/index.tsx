/** The organisers' seminar screens (routes.tsx), one chunk loaded when first opened. */
export { SeminarCheckInPage, SeminarFormPage, SeminarRegistrationsPage } from './pages';
