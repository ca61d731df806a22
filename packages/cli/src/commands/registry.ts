import type { CliCommand } from './command';
import { convertCommand } from './convert';
import { csimCommand } from './csim';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { exportWeightsCommand } from './export-weights';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { inspectCommand } from './inspect';
import { predictCommand } from './predict';
import { profileCommand } from './profile';
import { preprocessCommand } from './preprocess';
import { pruneSweepCommand } from './prune-sweep';
import { reportCommand } from './report';
import { trainCommand } from './train';
import { validateCommand } from './validate';
import { zeroSkipCommand } from './zero-skip';

/**
 * Every CLI command, in the order `sparsepixels --help` lists them. To add a command, write
 * `commands/<name>.ts` exporting a CliCommand and add it here.
 */
export const COMMANDS: readonly CliCommand[] = Object.freeze([
  demoCommand,
  generateCommand,
  preprocessCommand,
  trainCommand,
  pruneSweepCommand,
  importCommand,
  exportCommand,
  convertCommand,
  exportWeightsCommand,
  zeroSkipCommand,
  csimCommand,
  predictCommand,
  profileCommand,
  inspectCommand,
  reportCommand,
  validateCommand,
]);
