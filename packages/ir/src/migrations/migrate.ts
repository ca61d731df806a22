import { DIAGNOSTICS, type Diagnostic } from '../diagnostics';
import { IR_FORMAT, IR_VERSION } from '../model';
import { jsonTypeOf } from '../util/json-type';
import { isObject, type JsonObject } from './migration';
import { MIGRATIONS } from './migrations';

const OLDEST = Math.min(IR_VERSION, ...MIGRATIONS.map((m) => m.from));
const KNOWN = `${OLDEST}..${IR_VERSION}`;

export interface MigrationResult {
  readonly doc?: JsonObject;
  readonly diagnostics: Diagnostic[];
  /** Versions the document went through, e.g. [0, 1]. */
  readonly path: number[];
}

/**
 * Checks `format` and `version` first, then upgrades an older document one version at a time.
 * A future version, an unknown one, or a missing upgrade step is reported, never guessed.
 */
export function migrateDocument(input: unknown): MigrationResult {
  if (!isObject(input)) return { diagnostics: [DIAGNOSTICS.notObject.at('', jsonTypeOf(input))], path: [] };
  if (input['format'] !== IR_FORMAT) return { diagnostics: [DIAGNOSTICS.badFormat.at('/format', input['format'])], path: [] };
  const v = input['version'];
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return { diagnostics: [DIAGNOSTICS.badVersion.at('/version', v, KNOWN)], path: [] };
  }
  if (v > IR_VERSION) return { diagnostics: [DIAGNOSTICS.futureVersion.at('/version', v, IR_VERSION)], path: [] };
  if (v < OLDEST) return { diagnostics: [DIAGNOSTICS.unknownVersion.at('/version', v, KNOWN)], path: [] };
  let doc = input;
  const path = [v];
  for (let from = v; from < IR_VERSION; from++) {
    const step = MIGRATIONS.find((m) => m.from === from);
    if (!step) return { diagnostics: [DIAGNOSTICS.migrationFailed.at('/version', from, 'no upgrade step is registered')], path };
    doc = { ...step.up(doc), version: from + 1 };
    path.push(from + 1);
  }
  return { doc, diagnostics: [], path };
}
