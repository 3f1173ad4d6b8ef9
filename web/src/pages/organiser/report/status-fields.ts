import type { MessageKey } from '../../../i18n';

/** The meeting counts of a report line, in the order the charts and the table show them. */
export const STATUS_FIELDS: {
  field: 'scheduled' | 'held' | 'noShow' | 'cancelled';
  label: MessageKey;
}[] = [
  { field: 'held', label: 'org.meeting.held' },
  { field: 'noShow', label: 'org.meeting.no-show' },
  { field: 'cancelled', label: 'org.meeting.cancelled' },
  { field: 'scheduled', label: 'org.meeting.scheduled' },
];
