export { renderSvg } from './render';
export type { TopLevelSpec } from './render';
export { stackedBars, linePanels, comparisonBars, rocChart } from './charts';
export type { StackedRow, SeriesPoint, CompareRow, RocCurve } from './charts';
export { htmlPage, escapeHtml } from './html';
export type { Figure, Table, Section } from './html';
