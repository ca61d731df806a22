import { SparsePixelsError } from '@sparsepixels/core';
import { formatDiagnostic, type Diagnostic } from './diagnostics';

/**
 * Thrown once when a document has errors; `diagnostics` holds every problem found (errors and
 * warnings), the message names the count and the first error on one line.
 */
export class IRValidationError extends SparsePixelsError {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    const head = `${errors.length} error${errors.length === 1 ? '' : 's'} in the model`;
    super(first ? first.code : 'SP2001', first ? `${head}; first: ${formatDiagnostic(first)}` : head);
    this.diagnostics = diagnostics;
  }

  /** Every diagnostic, one per line. */
  report(): string {
    return this.diagnostics.map(formatDiagnostic).join('\n');
  }
}
