export { DelegationPage } from './delegation-page';
export { DelegationsPage } from './list-page';
export {
  isOrganiserRole,
  type Delegation,
  type DelegationDetail,
  type ItineraryItem,
} from './types';
