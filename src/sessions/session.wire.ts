/** The modes of a session, with no import at all: the server and the web app share this list. */
export const SESSION_MODES = ['video', 'in-person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
