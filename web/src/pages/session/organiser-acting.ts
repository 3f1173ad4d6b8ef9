import { createContext, useContext } from 'react';

/**
 * True where an organiser acts for a firm (the organiser's "Act for" page): the firm's own
 * screens, less what only the firm may do itself (feedback on a meeting: the API takes it from
 * the meeting's two firms only).
 */
export const OrganiserActing = createContext(false);

export const useOrganiserActing = (): boolean => useContext(OrganiserActing);
