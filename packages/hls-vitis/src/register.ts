import { listBackends, registerBackend } from '@sparsepixels/ir';
import { vitisBackend } from './backend';

// The one side effect of this package: make "vitis" known to ir's backend registry.
if (!listBackends().some((b) => b.name === vitisBackend.name)) registerBackend(vitisBackend);
