/** Pure match scoring: compile a session, score all pairs fast, explain any pair. */
export * from './scoring-types';
export { tagRarity } from './scoring-rules';
export { compileSession } from './compile-session';
export type { CompiledSession } from './compile-session';
export { scorePair, scoreTopMatches } from './score-kernel';
export type { TopMatches, TopMatchesOptions } from './score-kernel';
export { explainPair, ineligibility, referenceScore } from './explain-pair';
export type { PairExplanation, TagRarity } from './explain-pair';
