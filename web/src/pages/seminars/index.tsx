export { SeminarsPage } from './list-page';
export { SeminarPage } from './seminar-page';
export { isOrganiserRole, type Seminar, type SeminarDetail } from './types';
