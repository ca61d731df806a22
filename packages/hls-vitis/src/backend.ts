import { createHlsBackend, type HlsBackend } from '@sparsepixels/hls-vivado';
import { vitisProfile } from './vitis-profile';

/** The Vitis HLS backend: the Vivado backend object built from the Vitis profile. */
export const vitisBackend: HlsBackend = createHlsBackend(vitisProfile);
