/** Work to undo when the process is interrupted: remove a temporary folder, kill a child group. */
export type InterruptCleanup = () => void;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<InterruptCleanup>();
let installed = false;

function runCleanups(): void {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // best effort: the others still run
    }
  }
}

/**
 * SIGINT, SIGTERM or SIGHUP: run the cleanups, then, when no one else listens for the signal,
 * end the process by the same signal (the shell sees 130, 143, 129 as without a handler).
 * A program that installed its own handler keeps control: it only sees our cleanups done.
 */
function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  if (process.listeners(signal).some((l) => l !== onSignal)) return;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', runCleanups);
}

/**
 * Registers `cleanup` to run if the process is interrupted by a signal (or exits) before the
 * returned function is called; call that function once the work is done or undone. The signal
 * handlers are installed on first use and stay: once any signal arrives they re-raise it, so a
 * signal is never lost, only deferred until synchronous work yields to the event loop.
 */
export function onInterrupt(cleanup: InterruptCleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}
