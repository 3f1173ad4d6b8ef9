/**
 * The organisers' reports, which draw charts (Recharts): a chunk of their own, loaded when an
 * organiser first opens a report, so that the other organisers' screens do not carry the charts.
 */
export { ProgrammePage } from './programme';
export { ReportPage } from './report';
