/**
 * The board's wire types, the server's own (`src/opportunities/opportunity.wire.ts`): none is
 * written again here.
 */
export {
  FIRM_OPPORTUNITY_KINDS,
  OPPORTUNITY_KINDS,
  ORGANISER_OPPORTUNITY_KINDS,
  type OpportunityKind,
  type WireOpportunity as Opportunity,
  type WireOpportunityInterest as OpportunityInterest,
} from '../../../../src/opportunities/opportunity.wire';
