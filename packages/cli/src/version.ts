import pkg from '../package.json';

/** The version of the `sparsepixels` package. */
export const VERSION: string = pkg.version;
