import { ACTION_STATES } from '../types';

/** The states in which a session's settings may still be edited. */
export const EDITABLE_STATES = ACTION_STATES.edit;
