import { listBackends, registerBackend } from '@sparsepixels/ir';
import { vivadoBackend } from './backend';

// The one side effect of this package: make "vivado" known to ir's backend registry.
if (!listBackends().some((b) => b.name === vivadoBackend.name)) registerBackend(vivadoBackend);
