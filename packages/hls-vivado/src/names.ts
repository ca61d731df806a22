import { SparsePixelsError } from '@sparsepixels/core';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A C identifier from a model name: other characters become `_`, a leading digit gets `_`. */
export function cIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) || id === '' ? `_${id}` : id;
}

/** The project name names files and the top function, so it must be a C identifier. */
export function checkProjectName(name: string): string {
  if (!IDENT.test(name)) {
    throw new SparsePixelsError(
      'SP_HLS_PROJECT_NAME',
      `project name "${name}" is not a C identifier (letters, digits, _; not starting with a digit)`,
      '/build/project',
    );
  }
  return name;
}
