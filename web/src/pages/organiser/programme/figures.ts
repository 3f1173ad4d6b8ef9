import type { MessageKey } from '../../../i18n';
import type { ProgrammeFigures } from '../../../../../src/programme/programme.wire';

/** The report's figures in the order the tables show them, with their headings. */
export const FIGURE_COLUMNS: {
  key: string;
  label: MessageKey;
  value: (figures: ProgrammeFigures) => number | null;
}[] = [
  { key: 'sessions', label: 'programme.figure.sessions', value: (f) => f.activities.sessions },
  {
    key: 'delegations',
    label: 'programme.figure.delegations',
    value: (f) => f.activities.delegations,
  },
  { key: 'seminars', label: 'programme.figure.seminars', value: (f) => f.activities.seminars },
  { key: 'firms', label: 'programme.figure.firms', value: (f) => f.firms },
  { key: 'meetingsHeld', label: 'programme.figure.meetingsHeld', value: (f) => f.meetingsHeld },
  {
    key: 'averageRating',
    label: 'programme.figure.averageRating',
    value: (f) => f.averageRating,
  },
  { key: 'feedbackCount', label: 'programme.figure.feedbackCount', value: (f) => f.feedbackCount },
  { key: 'surveysSent', label: 'programme.figure.surveysSent', value: (f) => f.surveysSent },
  {
    key: 'surveysAnswered',
    label: 'programme.figure.surveysAnswered',
    value: (f) => f.surveysAnswered,
  },
  { key: 'followUp', label: 'programme.figure.followUp', value: (f) => f.outcomes.followUp },
  {
    key: 'negotiating',
    label: 'programme.figure.negotiating',
    value: (f) => f.outcomes.negotiating,
  },
  {
    key: 'agreementsSigned',
    label: 'programme.figure.agreementsSigned',
    value: (f) => f.agreementsSigned,
  },
];

/** All activities of a row: sessions, delegations and seminars together. */
export const activityCount = (figures: ProgrammeFigures): number =>
  figures.activities.sessions + figures.activities.delegations + figures.activities.seminars;
