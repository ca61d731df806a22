import type { CliCommand } from './command';
import { convertCommand } from './convert';
import { csimCommand } from './csim';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { inspectCommand } from './inspect';
import { predictCommand } from './predict';
import { profileCommand } from './profile';
import { preprocessCommand } from './preprocess';
import { reportCommand } from './report';
import { trainCommand } from './train';
import { validateCommand } from './validate';

/**
 * Every CLI command, in the order `sparsepixels --help` lists them. To add a command, write
 * `commands/<name>.ts` exporting a CliCommand and add it here.
 */
export const COMMANDS: readonly CliCommand[] = Object.freeze([
  demoCommand,
  generateCommand,
  preprocessCommand,
  trainCommand,
  importCommand,
  exportCommand,
  convertCommand,
  csimCommand,
  predictCommand,
  profileCommand,
  inspectCommand,
  reportCommand,
  validateCommand,
]);
