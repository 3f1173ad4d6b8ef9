import type { Participant } from '../types';

/** A participant's name by id (the start of the id for one no longer listed). */
export const namer = (names: Map<string, Participant>) => (companyId: string) =>
  names.get(companyId)?.name ?? companyId.slice(0, 8);
