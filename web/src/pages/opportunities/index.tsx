/** The opportunities board (issue 16): the board, a post, and the form to post or edit one. */
export { BoardPage } from './board-page';
export { OpportunityFormPage } from './form-page';
export { OpportunityPage } from './opportunity-page';
