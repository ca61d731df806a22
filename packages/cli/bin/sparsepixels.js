#!/usr/bin/env node
// The `sparsepixels` command: runs the CLI built by tsup (src/main.ts -> dist/main.js).
import '../dist/main.js';
