import { SparsePixelsError } from '@sparsepixels/core';
import { writeFileAtomic } from './atomic-write';
import { checkHost, encodeNpyHeader } from './npy';
import { dataMatchesDtype, dtypeInfo, type NpyData, type NpyDtype } from './npy-dtype';
import { ZipWriter, type ZipWriterOptions } from '@sparsepixels/import';

/** An array to be written piece by piece: its dtype and full shape are known before the data. */
export interface NpyPlan {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
}

/** Receives an array's elements in order, in chunks of any size. */
export type AppendElements = (data: NpyData) => void;

const bytesOf = (d: NpyData) => new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** Header bytes and total .npy size of a planned array. */
function layout(plan: NpyPlan, where: string): { header: Uint8Array; elements: number; size: number } {
  checkHost(where);
  if (!plan.shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    throw new SparsePixelsError(
      'SP_NPY_SHAPE',
      `shape ${JSON.stringify(plan.shape)} must list non-negative integers`,
      where,
    );
  const header = encodeNpyHeader(plan);
  const elements = plan.shape.reduce((a, b) => a * b, 1);
  return { header, elements, size: header.length + elements * dtypeInfo(plan.dtype).itemSize };
}

/**
 * Streams one array's elements through `write`, checking dtype and count: `fill` appends chunks
 * and must deliver exactly the shape's element count.
 */
function streamElements(
  plan: NpyPlan,
  elements: number,
  where: string,
  write: (bytes: Uint8Array) => void,
  fill: (append: AppendElements) => void,
): void {
  let done = 0;
  fill((data) => {
    if (!dataMatchesDtype(data, plan.dtype))
      throw new SparsePixelsError(
        'SP_NPY_DTYPE',
        `data is a ${data.constructor.name}, which cannot hold dtype ${plan.dtype}`,
        where,
      );
    if (done + data.length > elements)
      throw new SparsePixelsError(
        'SP_NPY_SHAPE',
        `more than the ${elements} elements of shape (${plan.shape.join(', ')})`,
        where,
      );
    done += data.length;
    write(bytesOf(data));
  });
  if (done !== elements)
    throw new SparsePixelsError(
      'SP_NPY_SHAPE',
      `${done} elements written; shape (${plan.shape.join(', ')}) needs ${elements}`,
      where,
    );
}

/** Writes an .npy atomically, its elements appended chunk by chunk (memory bounded by one chunk). */
export function writeNpyStreaming(path: string, plan: NpyPlan, fill: (append: AppendElements) => void): void {
  const { header, elements } = layout(plan, path);
  writeFileAtomic(path, (sink) => {
    sink.write(header);
    streamElements(plan, elements, path, (b) => sink.write(b), fill);
  });
}

/** One member of a streamed .npz: `fill` appends its elements in order. */
export interface NpzMemberPlan extends NpyPlan {
  readonly name: string;
  fill(append: AppendElements): void;
}

/**
 * Writes an .npz (stored members, ZIP64 where a member or the archive passes 4 GiB) atomically,
 * each member's elements appended chunk by chunk.
 */
export function writeNpzStreaming(
  path: string,
  members: readonly NpzMemberPlan[],
  options: ZipWriterOptions = {},
): void {
  const plans = members.map((m) => {
    if (m.name.length === 0)
      throw new SparsePixelsError('SP_NPZ_NAME', 'an array name is empty; give every array a name', path);
    return { m, ...layout(m, `${path}:${m.name}`) };
  });
  writeFileAtomic(path, (sink) => {
    const zip = new ZipWriter(sink, path, options);
    for (const { m, header, elements, size } of plans) {
      const member = zip.member(`${m.name}.npy`, size);
      member.write(header);
      streamElements(
        m,
        elements,
        `${path}:${m.name}`,
        (b) => member.write(b),
        (append) => m.fill(append),
      );
      member.end();
    }
    zip.finish();
  });
}
