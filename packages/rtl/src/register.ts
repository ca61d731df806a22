import { listBackends, registerBackend } from '@sparsepixels/ir';
import { rtlBackend } from './backend';

// Importing the package registers the backend as 'rtl' (once, even if loaded twice).
if (!listBackends().some((b) => b.name === rtlBackend.name)) registerBackend(rtlBackend);
