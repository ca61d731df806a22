// node benchmarks/run.mjs examples/neutrino/run.ts [--ci] [--out dir]
import { main } from '../shared/main';
import { neutrinoExample } from './config';

await main(neutrinoExample);
