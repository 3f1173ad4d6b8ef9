/**
 * What the two sides of a call send each other inside `rtc.signal`'s `data`:
 * - `hello`: "I joined the call" (the other side answers `welcome` and both start a connection);
 * - `welcome`: "I am here too";
 * - `description`: an SDP offer or answer; `candidate`: an ICE candidate;
 * - `bye`: "I hung up".
 * Offers may cross (both sides negotiating at once): the "perfect negotiation" pattern settles it,
 * the side with the greater company id being the polite one, which gives way.
 */
export type Signal =
  | { type: 'hello' }
  | { type: 'welcome' }
  | { type: 'bye' }
  | { type: 'description'; description: RTCSessionDescriptionInit }
  | { type: 'candidate'; candidate: RTCIceCandidateInit };

/**
 * Call diagnostics in the browser console, off unless asked for:
 * `localStorage.setItem('tradematch.debug', 'call')`, then reload.
 */
export function trace(...details: unknown[]): void {
  if (localStorage.getItem('tradematch.debug') === 'call') console.debug('call:', ...details);
}

export function isSignal(data: unknown): data is Signal {
  return typeof data === 'object' && data !== null && typeof (data as Signal).type === 'string';
}
