import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../../../src/follow-ups/follow-ups.wire';
import type { components } from '../../../api/schema';
import { VIEWER_ZONE } from '../../../i18n';
import { instantOf, knownZone, wallClock } from '../../../zoned-time';
import { WEIGHT_NAMES, type SessionSettings, type WeightName } from '../types';

/** What the form sends: a new session, or the changes to one. */
export type SessionBody = components['schemas']['CreateSessionDto'];

/** The API's name for a form field. */
export const apiField = (key: string) =>
  key === 'sideA' || key === 'sideB' ? 'sides' : key === 'draft' ? 'status' : key;

const wholeNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

export type TextKey =
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'requestDeadline'
  | 'slotMinutes'
  | 'breakMinutes'
  | 'maxMeetingsPerCompany'
  | 'tables'
  | 'delegationId'
  | 'partnerId'
  | 'agreementId';

export type FormState = Record<TextKey, string> & {
  mode: 'video' | 'in-person';
  timezone: string;
  /** The countries of each side, chosen from a list. */
  sideA: string[];
  sideB: string[];
  crossBorderOnly: boolean;
  draft: boolean;
  weights: Record<WeightName, string>;
  /** Months after the close at which firms are asked what came of their meetings. */
  followUpMonths: number[];
};

export function initialForm(session?: SessionSettings): FormState {
  const timezone = session?.timezone ?? VIEWER_ZONE;
  const wall = (iso: string | undefined) => (iso ? wallClock(iso, knownZone(timezone)) : '');
  return {
    title: session?.title ?? '',
    description: session?.description ?? '',
    mode: session?.mode ?? 'video',
    timezone,
    startsAt: wall(session?.startsAt),
    endsAt: wall(session?.endsAt),
    requestDeadline: wall(session?.requestDeadline),
    slotMinutes: String(session?.slotMinutes ?? 20),
    breakMinutes: String(session?.breakMinutes ?? 5),
    maxMeetingsPerCompany: String(session?.maxMeetingsPerCompany ?? 8),
    tables: session?.tables == null ? '' : String(session.tables),
    crossBorderOnly: session?.crossBorderOnly ?? true,
    sideA: session?.sides?.[0] ?? [],
    sideB: session?.sides?.[1] ?? [],
    delegationId: session?.delegationId ?? '',
    partnerId: session?.partner?.id ?? '',
    agreementId: session?.agreementId ?? '',
    draft: false,
    followUpMonths: session?.followUpMonths ?? [...DEFAULT_FOLLOW_UP_MONTHS],
    weights: Object.fromEntries(
      WEIGHT_NAMES.map((name) => [name, session ? String(session.weights[name]) : '']),
    ) as Record<WeightName, string>,
  };
}

export function requestBody(form: FormState, creating: boolean): SessionBody {
  const { sideA, sideB } = form;
  const weights = Object.fromEntries(
    WEIGHT_NAMES.filter((name) => form.weights[name].trim() !== '').map((name) => [
      name,
      Number(form.weights[name]),
    ]),
  );
  return {
    title: form.title,
    description: form.description,
    mode: form.mode,
    timezone: form.timezone,
    startsAt: instantOf(form.startsAt, knownZone(form.timezone)),
    endsAt: instantOf(form.endsAt, knownZone(form.timezone)),
    requestDeadline: instantOf(form.requestDeadline, knownZone(form.timezone)),
    slotMinutes: wholeNumber(form.slotMinutes),
    breakMinutes: wholeNumber(form.breakMinutes) ?? 0,
    maxMeetingsPerCompany: wholeNumber(form.maxMeetingsPerCompany),
    tables: wholeNumber(form.tables) ?? null,
    crossBorderOnly: form.crossBorderOnly,
    sides: sideA.length + sideB.length > 0 ? [sideA, sideB] : null,
    delegationId: form.delegationId || null,
    followUpMonths: [...form.followUpMonths].sort((a, b) => a - b),
    partnerId: form.partnerId || null,
    agreementId: form.agreementId || null,
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
    ...(creating ? { status: form.draft ? 'draft' : 'open' } : {}),
    // Blank numbers go as undefined: the API answers with the field's message.
  } as SessionBody;
}
