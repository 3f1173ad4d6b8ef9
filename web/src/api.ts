/**
 * The TradeMatch HTTP API's edges as the web app uses them: the bearer token in localStorage, the
 * ApiError of a failed answer, files saved with the token, and the server's types. Requests go
 * through the typed client (`api/client.ts`).
 */
import type { WireFieldRules } from '../../src/common/field-rules.wire';
import type { components, operations } from './api/schema';

const TOKEN_KEY = 'tradematch.token';
/** Dispatched on `window` when the API refuses the stored token. */
export const SIGNED_OUT = 'tradematch:signed-out';

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

/** An error answer of the API: `{statusCode, error, message, code?, fields?, rules?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields: Record<string, string[]> = {},
    /** For each field of `fields`, the rules it broke, to word them (`form-errors.ts`). */
    readonly rules: WireFieldRules = {},
    /** What a 409 names beside its code: the meeting, firm, slot or table in the way. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

type ErrorBody = Partial<components['schemas']['ErrorResponse']>;

/**
 * The ApiError of a failed answer; when the API refused the token that was sent, it is dropped
 * and the app goes back to the sign-in page (`SIGNED_OUT`).
 */
export async function errorOf(response: Response, sentToken: boolean): Promise<ApiError> {
  let parsed: ErrorBody = {};
  try {
    parsed = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const message = typeof parsed.message === 'string' ? parsed.message : response.statusText;
  if (response.status === 401 && sentToken) {
    // The token expired or was revoked: the app goes back to the sign-in page.
    storeToken(null);
    window.dispatchEvent(new Event(SIGNED_OUT));
  }
  return new ApiError(
    response.status,
    message,
    parsed.code,
    parsed.fields ?? {},
    parsed.rules ?? {},
    parsed.details ?? {},
  );
}

/**
 * Saves a file the API only gives with a bearer token (an `<a href>` cannot send one), asked for
 * through the typed client as a blob:
 *
 *   download(client.GET('/api/sessions/{id}/agenda.ics', { ..., parseAs: 'blob' }), 'agenda.ics')
 */
export async function download(file: Promise<{ data?: Blob }>, filename: string): Promise<void> {
  const { data } = await file;
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/*
 * The server's types, as the OpenAPI document declares them (`web/src/api/schema.ts`, written by
 * `npm run api:generate`): none is written again here.
 */
type Schemas = components['schemas'];
type JsonOf<Answer> = Answer extends { content: { 'application/json': infer Body } } ? Body : never;
/** The JSON a route answers with on success, by its operation id (`AuthController_me`). */
export type ResponseOf<Id extends keyof operations> = JsonOf<
  operations[Id]['responses'][Extract<keyof operations[Id]['responses'], 200 | 201 | 202>]
>;

export type User = Schemas['UserView'];
export type Membership = Schemas['MembershipView'];
export type Me = ResponseOf<'AuthController_me'>;
export type TaxonomyEntry = Schemas['TaxonomyEntry'];
export type Taxonomy = Schemas['Taxonomy'];
export type Company = Schemas['WireCompany'];
/** A page of a list route (`GET /api/companies`, `/api/sessions`, ...), of any item. */
export type Page<T> = Omit<ResponseOf<'CompaniesController_list'>, 'items'> & { items: T[] };
export type Session = Schemas['SessionView'];
export type SessionDetail = Schemas['SessionDetailView'];
export type Reason = Schemas['Reason'];
export type Match = Schemas['MatchView'];
export type MeetingRequest = Schemas['WireRequest'];
/** A received request, with the sender's score and reasons for the receiver. */
export type ReceivedRequest = Schemas['ReceivedRequestView'];
export type CompanyActivities = Schemas['CompanyActivitiesView'];
export type AgendaItem = Schemas['AgendaItem'];
export type Conversation = Schemas['WireConversation'];
export type ChatMessage = Schemas['WireMessage'];
export type ChatMessagePage = Schemas['WireMessagePage'];
