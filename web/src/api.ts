/** The TradeMatch HTTP API as the web app uses it: JSON under /api, a bearer token in localStorage. */

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

/** An error answer of the API: `{statusCode, error, message, code?, fields?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

interface ErrorBody {
  statusCode?: number;
  message?: unknown;
  code?: string;
  fields?: Record<string, string[]>;
}

/** A body sent as it is (a CSV file), not as JSON. */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body instanceof RawBody) headers['content-type'] = body.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body:
        body === undefined ? undefined : body instanceof RawBody ? body.text : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.ok) return response;
  let parsed: ErrorBody = {};
  try {
    parsed = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const message = typeof parsed.message === 'string' ? parsed.message : response.statusText;
  if (response.status === 401 && token) {
    // The token expired or was revoked: the app goes back to the sign-in page.
    storeToken(null);
    window.dispatchEvent(new Event(SIGNED_OUT));
  }
  throw new ApiError(response.status, message, parsed.code, parsed.fields ?? {});
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads a file the API only gives with a bearer token (an `<a href>` cannot send one). */
export async function download(path: string, filename: string): Promise<void> {
  const response = await send('GET', path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'member' | 'organiser' | 'admin';
}

export interface Membership {
  companyId: string;
  name: string;
  country: string;
  status: 'pending' | 'verified' | 'rejected';
  role: string;
}

export interface Me {
  user: User;
  companies: Membership[];
}

export interface TaxonomyEntry {
  id: string;
  label: string;
}

export interface Taxonomy {
  sectors: TaxonomyEntry[];
  partnerTypes: TaxonomyEntry[];
  employeeBands: string[];
}

export interface Company {
  id: string;
  name: string;
  country: string;
  city: string;
  status: string;
  timezone: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Session {
  id: string;
  title: string;
  description: string;
  mode: 'video' | 'in-person';
  timezone: string;
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  requestDeadline: string;
  status: 'draft' | 'open' | 'scheduled' | 'live' | 'closed';
}

export interface SessionDetail extends Session {
  slots: { index: number; startsAt: string; endsAt: string }[];
  participantCount: number;
}

export interface Reason {
  component: string;
  value: number;
  weight: number;
  text: string;
}

export interface Match {
  company: {
    id: string;
    name: string;
    country: string;
    city: string;
    sectors: string[];
    offers: string[];
    seeks: string[];
    timezone: string;
  };
  score: number;
  reasons: Reason[];
}

export interface MeetingRequest {
  id: string;
  fromCompanyId: string;
  fromCompanyName: string;
  toCompanyId: string;
  toCompanyName: string;
  message: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  mutual: boolean;
  createdAt: string;
}

export interface AgendaItem {
  id: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  table?: number;
  roomId?: string;
  status: string;
  other: { id: string; name: string; country: string; city: string; timezone: string };
  /** The feedback this company gave, or null while it has given none. */
  feedback: { rating: number; outcome: string; comment: string; givenAt: string } | null;
}
