// node benchmarks/run.mjs examples/digits/run.ts [--ci] [--out dir]
import { main } from '../shared/main';
import { digitsExample } from './config';

await main(digitsExample);
