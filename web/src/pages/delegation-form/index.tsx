export { ItineraryItemForm } from './itinerary-item-form';
export { ITINERARY_KINDS } from './itinerary-kinds';
export { DelegationFormPage } from './page';
