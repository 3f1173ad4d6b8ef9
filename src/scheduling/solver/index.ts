export * from './schedule-types';
export { solveSchedule } from './solve-schedule';
export { checkSchedule } from './check-schedule';
export { syntheticProblem, type SyntheticOptions } from './synthetic-problems';
export { dayGaps, scheduleGaps, breakSpread, type DayGaps, type ScheduleGaps } from './breaks';
export { plantedProblem, type PlantedOptions, type PlantedProblem } from './planted-problems';
