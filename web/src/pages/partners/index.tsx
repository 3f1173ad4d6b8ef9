/** Partner economies of the programme and their agreements (issue 18), in the organisers' area. */
export { PartnersPage } from './list-page';
export { PartnerPage } from './partner-page';
export { HeldUnder } from './held-under';
