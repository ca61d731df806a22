export { runCli } from './cli/run-cli';
export type { CliIO } from './cli/run-cli';
export { EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_INTERNAL } from './cli/exit-codes';
export type { ExitCode } from './cli/exit-codes';
export { COMMANDS } from './commands/registry';
export type { CliCommand, CommandContext, CommandInput, CommandResult } from './commands/command';
export type { Progress } from './cli/progress';

export { generateDataset, oneHot, maxEventCount } from './data/dataset';
export type { Dataset, DatasetMeta, EventGenerator, GenerateOptions } from './data/dataset';
export { DATASETS, findDataset } from './data/registry';
export { neutrinoGenerator, generateNeutrino, NEUTRINO_FLOOR } from './data/neutrino';
export { jetGenerator, generateJet } from './data/jet';
export { digitsGenerator, generateDigits } from './data/digits';
export { occupancyStats, activeCounts, DEFAULT_LIMITS } from './data/occupancy';
export type { OccupancyStats } from './data/occupancy';
export { Rng, hashSeed } from './data/prng';

export { encodeNpy, decodeNpy, readNpy, writeNpy, encodeNpyHeader } from './io/npy';
export type { NpyArray } from './io/npy';
export type { NpyDtype, NpyData } from './io/npy-dtype';
export { encodeNpz, decodeNpz, readNpz, writeNpz } from './io/npz';
export type { NpzArrays } from './io/npz';
