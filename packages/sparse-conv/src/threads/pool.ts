// A persistent pool of worker threads, started on the first call that asks for threads and reused
// after. Calls stay synchronous: the calling thread posts each worker its range of images, works on
// its own range, then blocks in Atomics.wait until every worker has stored its completion into a
// shared signal array. Workers are unref'd, so an idle pool never keeps the process alive.
import { SparsePixelsError } from '@sparsepixels/core';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { workerSource, type WorkerTask } from './worker-source';

interface PooledWorker {
  worker: Worker;
  port: MessagePort;
  /** Set when the worker exits: it takes no more tasks. */
  dead: boolean;
}

const pool: PooledWorker[] = [];
let seqCounter = 0;

/** Starts workers until the pool has `n`. */
export function ensureWorkers(n: number): void {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.dead) pool.splice(i, 1);
  while (pool.length < n) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: { port: port2 },
      transferList: [port2],
    });
    const entry: PooledWorker = { worker, port: port1, dead: false };
    worker.on('exit', () => (entry.dead = true));
    worker.on('error', () => (entry.dead = true));
    worker.unref();
    port1.unref();
    pool.push(entry);
  }
}

/** Workers currently in the pool. */
export function poolSize(): number {
  return pool.filter((w) => !w.dead).length;
}

/** Terminates every pooled worker (the next threaded call starts new ones). */
export async function shutdownThreads(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

/**
 * Posts `tasks[i]` to worker i, runs `own` on this thread, then waits for every worker.
 * A worker's exception is rethrown here with the worker's stack in the message.
 */
export function runOnPool(tasks: Omit<WorkerTask, 'signal' | 'slot' | 'seq'>[], own: () => void): void {
  ensureWorkers(tasks.length);
  const signal = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, tasks.length)));
  const seq = (seqCounter = (seqCounter % 0x3fffffff) + 1);
  tasks.forEach((t, i) => pool[i]!.worker.postMessage({ ...t, signal, slot: i, seq }));
  let ownError: unknown = null;
  try {
    own();
  } catch (e) {
    ownError = e;
  }
  const failures: string[] = [];
  for (let i = 0; i < tasks.length; i++) {
    while (Atomics.load(signal, i) === 0) Atomics.wait(signal, i, 0);
    if (Atomics.load(signal, i) !== seq)
      failures.push(String(receiveMessageOnPort(pool[i]!.port)?.message ?? 'unknown error'));
  }
  if (ownError) throw ownError;
  if (failures.length > 0)
    throw new SparsePixelsError(
      'SC_WORKER',
      `worker thread failed: ${failures[0]!.split('\n').slice(0, 2).join(' ')}`,
    );
}
