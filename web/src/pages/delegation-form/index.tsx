export { ItineraryItemForm } from './itinerary-item-form';
export { DelegationFormPage } from './page';
