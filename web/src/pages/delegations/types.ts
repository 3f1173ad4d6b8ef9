import type { User } from '../../api';
import type { components } from '../../api/schema';

export type Delegation = components['schemas']['DelegationView'];
export type ItineraryItem = components['schemas']['ItineraryItemView'];
export type DelegationDetail = components['schemas']['DelegationDetailView'];

export const isOrganiserRole = (user: User) => user.role === 'organiser' || user.role === 'admin';
