// A plugin for the sparsepixels command: `npx sparsepixels convert model.json --plugin
// ./dist/summary-plugin.js --backend summary --out sheet` imports this module, which registers the
// backend with @sparsepixels/ir's registry; the CLI then finds it by name.
import { registerBackend } from '@sparsepixels/ir';
import { summaryBackend } from './summary-backend.js';

registerBackend(summaryBackend);
