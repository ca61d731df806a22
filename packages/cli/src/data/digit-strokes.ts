import type { Rng } from './prng';

/** A stroke primitive in a unit box (x right, y down, 0..1). Angles in degrees, y-down. */
export type Stroke =
  | { readonly kind: 'line'; readonly points: readonly (readonly [number, number])[] }
  | {
      readonly kind: 'arc';
      readonly cx: number;
      readonly cy: number;
      readonly rx: number;
      readonly ry: number;
      readonly from: number;
      readonly to: number;
    };

const line = (...points: [number, number][]): Stroke => ({ kind: 'line', points });
const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number): Stroke => ({
  kind: 'arc',
  cx,
  cy,
  rx,
  ry,
  from,
  to,
});

/** Hand-made stroke drawings of 0-9, with a few writing variants per digit. */
export const DIGIT_STROKES: readonly (readonly (readonly Stroke[])[])[] = [
  [[arc(0.5, 0.5, 0.32, 0.46, 0, 360)], [arc(0.5, 0.5, 0.26, 0.46, -80, 290)]],
  [
    [line([0.5, 0.04], [0.5, 0.96])],
    [line([0.3, 0.2], [0.52, 0.04], [0.5, 0.96])],
    [line([0.3, 0.2], [0.52, 0.04], [0.5, 0.96]), line([0.3, 0.96], [0.72, 0.96])],
  ],
  [
    [arc(0.5, 0.3, 0.3, 0.25, 190, 400), line([0.73, 0.43], [0.14, 0.95], [0.88, 0.95])],
    [arc(0.5, 0.3, 0.3, 0.25, 190, 390), line([0.76, 0.4], [0.18, 0.95], [0.4, 0.82], [0.88, 0.96])],
  ],
  [
    [arc(0.47, 0.28, 0.3, 0.23, 200, 450), arc(0.47, 0.73, 0.34, 0.25, 270, 520)],
    [line([0.18, 0.05], [0.8, 0.05], [0.45, 0.45]), arc(0.47, 0.7, 0.34, 0.26, 260, 520)],
  ],
  [
    [line([0.66, 0.96], [0.66, 0.04], [0.1, 0.66], [0.9, 0.66])],
    [line([0.3, 0.04], [0.16, 0.6], [0.86, 0.6]), line([0.66, 0.3], [0.66, 0.96])],
  ],
  [
    [line([0.8, 0.05], [0.3, 0.05], [0.25, 0.45]), arc(0.47, 0.67, 0.33, 0.28, 220, 520)],
    [line([0.82, 0.05], [0.28, 0.05], [0.22, 0.5]), arc(0.46, 0.7, 0.32, 0.26, 200, 500)],
  ],
  [
    [arc(0.62, 0.62, 0.42, 0.56, 255, 180), arc(0.48, 0.7, 0.28, 0.25, 180, 540)],
    [line([0.7, 0.04], [0.24, 0.62]), arc(0.48, 0.72, 0.27, 0.23, 180, 540)],
  ],
  [
    [line([0.14, 0.05], [0.86, 0.05], [0.4, 0.96])],
    [line([0.14, 0.05], [0.86, 0.05], [0.42, 0.96]), line([0.36, 0.5], [0.78, 0.5])],
  ],
  [
    [arc(0.5, 0.27, 0.25, 0.22, 0, 360), arc(0.5, 0.72, 0.31, 0.25, 0, 360)],
    [arc(0.5, 0.27, 0.24, 0.22, 90, 450), arc(0.5, 0.72, 0.3, 0.25, -90, 270)],
  ],
  [
    [arc(0.5, 0.3, 0.27, 0.24, 0, 360), line([0.77, 0.3], [0.68, 0.96])],
    [arc(0.5, 0.3, 0.27, 0.25, 0, 360), line([0.77, 0.3], [0.74, 0.6], [0.5, 0.96])],
  ],
];

/** Samples a stroke into a polyline, with the writer's own wobble (jittered points / arc shape). */
export function strokeToPolyline(rng: Rng, s: Stroke, jitter: number): [number, number][] {
  if (s.kind === 'line')
    return s.points.map(([x, y]) => [x + rng.normal(0, jitter), y + rng.normal(0, jitter)]);
  const cx = s.cx + rng.normal(0, jitter);
  const cy = s.cy + rng.normal(0, jitter);
  const rx = s.rx * (1 + rng.normal(0, 0.08));
  const ry = s.ry * (1 + rng.normal(0, 0.08));
  const n = Math.max(4, Math.ceil(Math.abs(s.to - s.from) / 12));
  const pts: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const t = ((s.from + ((s.to - s.from) * i) / n) * Math.PI) / 180;
    pts.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return pts;
}
