/**
 * Follow-ups over months on the wire (SPEC "Programme"): what came of a session's meetings, asked
 * of each firm by an emailed signed link. Plain values and types, no imports.
 */

/** The order value of a deal, in US dollars: optional with an answer. */
export const VALUE_BANDS = ['under-100k', '100k-1m', '1m-10m', 'over-10m'] as const;
export type ValueBand = (typeof VALUE_BANDS)[number];

/** When a closed session's firms are asked, in months after it closed, unless the organiser says. */
export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6] as const;
