// node benchmarks/run.mjs examples/jet/run.ts [--ci] [--out dir]
import { main } from '../shared/main';
import { jetExample } from './config';

await main(jetExample);
