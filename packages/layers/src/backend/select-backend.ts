/**
 * Chooses the TensorFlow.js backend the layers run on:
 *  1. `@tensorflow/tfjs-node` ('tensorflow', native) when the user has installed it (an optional
 *     peer dependency; importing it registers the backend);
 *  2. otherwise 'cpu' (pure JavaScript). Our layers compute in their own JavaScript kernels
 *     (ops/), so the backend only runs the small remaining ops; benchmarks/training.ts measures cpu
 *     against 'wasm' and cpu is faster for these models (see the package README).
 * `prefer` (or the SPARSEPIXELS_BACKEND environment variable) forces one of them.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { quietNodeBanner } from './quiet-node-banner';

export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendChoice {
  readonly name: BackendName;
  /** Why it was chosen, e.g. 'tfjs-node is not installed'. */
  readonly reason: string;
}

export interface SelectBackendOptions {
  /** 'auto' (default) or a backend to force. */
  prefer?: 'auto' | BackendName;
  /** Loads tfjs-node; injectable for tests. */
  loadNode?: () => Promise<unknown>;
}

const NODE_PACKAGE = '@tensorflow/tfjs-node';
let last: BackendChoice | undefined;

function isNotInstalled(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && (err.message ?? '').includes(NODE_PACKAGE);
}

/** Tries tfjs-node; returns undefined on success or why it is not used. */
async function tryNode(load: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await load();
  } catch (e) {
    if (isNotInstalled(e)) return 'tfjs-node is not installed';
    return `tfjs-node failed to load (${String((e as Error)?.message ?? e).split('\n')[0]})`;
  }
  return tf.findBackend('tensorflow') ? undefined : 'tfjs-node loaded but registered no "tensorflow" backend';
}

async function use(name: BackendName, reason: string): Promise<BackendChoice> {
  // registered on demand: importing it at load time would make it tfjs' default (priority 2) before it is ready
  if (name === 'wasm' && !tf.findBackend('wasm')) await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(name))) {
    throw new SparsePixelsError('SP_BACKEND', `TensorFlow.js backend "${name}" failed to initialise`);
  }
  await tf.ready();
  if (name === 'cpu') quietNodeBanner();
  last = { name, reason };
  return last;
}

export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendChoice> {
  const env = process.env['SPARSEPIXELS_BACKEND'];
  const prefer = options.prefer ?? (env as SelectBackendOptions['prefer'] | undefined) ?? 'auto';
  if (prefer !== 'auto' && !BACKENDS.includes(prefer)) {
    throw new SparsePixelsError('SP_BACKEND', `backend "${String(prefer)}" is unknown; allowed auto, ${BACKENDS.join(', ')}`);
  }
  const load = options.loadNode ?? (() => import(/* @vite-ignore */ NODE_PACKAGE));
  if (prefer === 'tensorflow' || prefer === 'auto') {
    const why = await tryNode(load);
    if (!why) return use('tensorflow', prefer === 'auto' ? 'tfjs-node is installed (native TensorFlow)' : 'requested');
    if (prefer === 'tensorflow') throw new SparsePixelsError('SP_BACKEND', `backend "tensorflow" requested but ${why}`);
    return use('cpu', `${why}; pure-JavaScript cpu backend (our kernels are JavaScript)`);
  }
  return use(prefer, env && !options.prefer ? 'SPARSEPIXELS_BACKEND' : 'requested');
}

/** The last choice of selectBackend, or the backend TensorFlow.js is using if none was made. */
export function backendInfo(): BackendChoice {
  const current = tf.getBackend() as BackendName;
  if (last && last.name === current) return last;
  return { name: current, reason: 'TensorFlow.js default (selectBackend not called)' };
}
