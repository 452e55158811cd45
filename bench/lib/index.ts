export { plainHttpBaseline, PLAIN_HTTP_BODY } from './baseline';
export { assertDecoratorMetadata } from './decorators';
export { load, type LoadOptions, type LoadResult } from './load';
export { machine, type Machine } from './machine';
export { writeResult, RESULTS_DIR, type ResultBody } from './results';
export { measure, throughputRatios, problems, type Scenario, type Measured, type MeasureOptions } from './scenarios';
export { loadSettings } from './settings';
export { printTable, type Cell } from './table';
