import { SingleBar } from 'cli-progress';

/** A progress display for long work; a no-op when there is no terminal to draw on. */
export interface Progress {
  /** Sets the number of units done so far. */
  update(done: number): void;
  /** Removes the bar (call once, also on failure). */
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

export interface ProgressTarget {
  /** Where the bar is drawn (stderr, so stdout stays clean for results). */
  readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Whether the user sees a terminal: stdout and the bar's stream are TTYs and --json is off. */
  readonly enabled: boolean;
}

/**
 * Starts a progress bar of `total` units labelled `label`. It draws only when `target.enabled`
 * (so nothing is printed into pipes, files, CI logs or --json output) and clears itself on stop.
 */
export function startProgress(target: ProgressTarget, label: string, total: number): Progress {
  if (!target.enabled || total <= 0) return SILENT;
  const bar = new SingleBar({
    stream: target.stream,
    format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
    barCompleteChar: '=',
    barIncompleteChar: ' ',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
    fps: 10,
  });
  bar.start(total, 0);
  let stopped = false;
  return {
    update: (done) => bar.update(Math.min(done, total)),
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
