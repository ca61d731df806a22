/**
 * Training progress: a live cli-progress bar (events/s, loss, metric) on a terminal, one summary
 * line per epoch otherwise, or nothing.
 */
import cliProgress from 'cli-progress';

export interface BatchStats {
  readonly eventsPerSecond: number;
  readonly loss: number;
  readonly metric: number;
}

export interface ProgressSink {
  startEpoch(epoch: number, epochs: number, events: number): void;
  update(events: number, stats: BatchStats): void;
  endEpoch(summary: string): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

function fmt(v: number, digits = 4): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '-';
}

export function progressSink(stream: Stream = process.stderr): ProgressSink {
  if (!stream.isTTY) {
    return {
      startEpoch: () => {},
      update: () => {},
      endEpoch: (summary) => void stream.write(`${summary}\n`),
    };
  }
  let bar: cliProgress.SingleBar | undefined;
  return {
    startEpoch(epoch, epochs, events) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `epoch ${epoch}/${epochs} {bar} {value}/{total} events | {rate} ev/s | loss {loss} | {metricName} {metric}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(events, 0, { rate: '-', loss: '-', metric: '-', metricName: 'acc' });
    },
    update(events, s) {
      bar?.update(events, { rate: Math.round(s.eventsPerSecond), loss: fmt(s.loss), metric: fmt(s.metric, 3) });
    },
    endEpoch(summary) {
      bar?.stop();
      stream.write(`${summary}\n`);
    },
  };
}

export const silentProgress: ProgressSink = { startEpoch: () => {}, update: () => {}, endEpoch: () => {} };
