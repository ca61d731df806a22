import { checkAttrsPass } from './check-attrs';
import { checkCppNamesPass } from './check-cpp-names';
import { checkGraphPass } from './check-graph';
import { checkWeightsPass } from './check-weights';
import { fillBuildDefaultsPass } from './fill-build-defaults';
import { inferPrecisionPass } from './infer-precision';
import { inferShapesPass } from './infer-shapes';
import { normalizeTypesPass } from './normalize-types';
import type { Pass } from './pass';

/** The passes prepareModel runs after the schema, in order. */
export const PIPELINE: readonly Pass[] = Object.freeze([
  checkGraphPass, // names, references, order
  checkCppNamesPass, // the project and input names can be C++ names
  normalizeTypesPass, // type strings parse; canonical spelling
  checkAttrsPass, // attribute rules of the op declarations: K odd, table sizes
  inferShapesPass, // op shape rules: kernel and pool vs grid, sparse section, ...
  checkWeightsPass, // weight shapes, counts, grid and range
  inferPrecisionPass, // 'auto' -> exact types, widths <= 64
  fillBuildDefaultsPass, // build hints
]);
