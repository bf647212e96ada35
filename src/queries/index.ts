export * from './query.ts';
export * from './filters.ts';
export * from './overview-figures.ts';
export * from './budget-by.ts';
export * from './indicator-status-counts.ts';
export * from './score-histogram.ts';
export * from './findings-by-code.ts';
export * from './filter-options.ts';
