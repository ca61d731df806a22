import { runCli } from './cli/run-cli';

// A reader that stops early (`sparsepixels generate ... | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The bin entry (bin/sparsepixels.js imports the built copy of this file). process.exitCode rather
// than process.exit(), so buffered stdout is flushed before the process ends.
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `sparsepixels: error: internal error: ${String(err)} (this is a bug: please report it)\n`,
    );
    process.exitCode = 3;
  },
);
