#!/usr/bin/env python3
"""Independent reference checksums for the benchmark workloads (src/workloads/reference-checksums.json).

Draws every workload with numpy's own generator (default_rng(seed), PCG64) as the workload list in
src/workloads/workload-list.ts describes it, convolves each image with scipy.signal.convolve2d,
and records, per workload and mode, out_nnz, checksum (math.fsum), wchecksum and pattern_hash as
defined in src/workloads/checksums.ts, plus the output non-zeros the sparse_convolution run reported
(`noteOutNnz`, from its results table) for comparison. Nothing here shares code with the package:
the test `workloads.test.ts` checks the TypeScript generator and every method against this file.

Usage: python3 packages/sparse-conv/scripts/reference-checksums.py > packages/sparse-conv/src/workloads/reference-checksums.json
Needs numpy and scipy (numpy's Generator streams are stable across 1.x and 2.x for these calls).
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy.signal import convolve2d

SEED_BASE = 20240601


def square(name, group, side, k, density, batch):
    return dict(name=name, group=group, H=side, W=side, kH=k, kW=k, density=density, batch=batch, modes=["same"])


def workloads():
    rows = [square(f"batch_b{b}", "batch", 100, 5, 0.01, b) for b in [1, 10, 100, 1000, 5000]]
    rows += [square(f"density_d{d}", "density", 100, 5, d, 100) for d in [0.001, 0.003, 0.03, 0.1]]
    rows += [square(f"img_{s}x{s}", "image", s, 5, 0.01, 50) for s in [20, 50, 100, 200, 500]]
    rows += [square(f"kernel_{k}x{k}", "kernel", 100, k, 0.01, 50) for k in [3, 7, 9, 11, 15]]
    rows += [square(f"hd_b{b}", "high-density", 100, 5, 0.1, b) for b in [1, 10, 100, 1000]]
    rows += [square(f"vs_b{b}", "very-sparse", 200, 5, 0.001, b) for b in [1, 10, 100, 1000, 5000]]
    for name, H, W, kH, kW, d in [
        ("modes_k5x5", 100, 100, 5, 5, 0.01),
        ("modes_k4x4", 100, 100, 4, 4, 0.01),
        ("modes_k3x6", 100, 100, 3, 6, 0.01),
        ("modes_64x48_k5x2", 64, 48, 5, 2, 0.02),
        ("oned_1x10000_k1x5", 1, 10000, 1, 5, 0.01),
    ]:
        rows.append(dict(name=name, group="modes", H=H, W=W, kH=kH, kW=kW, density=d, batch=100, modes=["full", "same", "valid"]))
    for name, H, W, kH, kW, d in [("single_100x100_k5x5", 100, 100, 5, 5, 0.01), ("single_200x200_k4x4", 200, 200, 4, 4, 0.001)]:
        rows.append(dict(name=name, group="single", H=H, W=W, kH=kH, kW=kW, density=d, batch=1, modes=["full", "same", "valid"]))
    for i, r in enumerate(rows):
        r["seed"] = SEED_BASE + i
    return rows


# out nnz per workload and mode as reported by sparse_convolution's side-by-side run on this
# project's machine (packages/sparse-conv/README.md, "The peer's figures"), for cross-checking.
NOTE_OUT_NNZ = {
    ("batch_b1", "same"): 2159, ("batch_b10", "same"): 21700, ("batch_b100", "same"): 217640,
    ("batch_b1000", "same"): 2174959, ("batch_b5000", "same"): 10871284,
    ("density_d0.001", "same"): 24143, ("density_d0.003", "same"): 70964, ("density_d0.03", "same"): 522327,
    ("density_d0.1", "same"): 919734,
    ("img_20x20", "same"): 3965, ("img_50x50", "same"): 26641, ("img_100x100", "same"): 108446,
    ("img_200x200", "same"): 440648, ("img_500x500", "same"): 2766111,
    ("kernel_3x3", "same"): 42666, ("kernel_7x7", "same"): 189816, ("kernel_9x9", "same"): 270480,
    ("kernel_11x11", "same"): 339380, ("kernel_15x15", "same"): 437617,
    ("hd_b1", "same"): 9217, ("hd_b10", "same"): 92166, ("hd_b100", "same"): 920787, ("hd_b1000", "same"): 9209727,
    ("vs_b1", "same"): 995, ("vs_b10", "same"): 9755, ("vs_b100", "same"): 97909, ("vs_b1000", "same"): 977092,
    ("vs_b5000", "same"): 4879317,
    ("modes_k5x5", "full"): 222879, ("modes_k5x5", "same"): 217127, ("modes_k5x5", "valid"): 204550,
    ("modes_k4x4", "full"): 148813, ("modes_k4x4", "same"): 145968, ("modes_k4x4", "valid"): 140302,
    ("modes_k3x6", "full"): 165799, ("modes_k3x6", "same"): 162214, ("modes_k3x6", "valid"): 154359,
    ("modes_64x48_k5x2", "full"): 56702, ("modes_64x48_k5x2", "same"): 54913, ("modes_64x48_k5x2", "valid"): 51837,
    ("oned_1x10000_k1x5", "full"): 49020, ("oned_1x10000_k1x5", "same"): 49014, ("oned_1x10000_k1x5", "valid"): 48998,
    ("single_100x100_k5x5", "full"): 2207, ("single_100x100_k5x5", "same"): 2172, ("single_100x100_k5x5", "valid"): 2094,
    ("single_200x200_k4x4", "full"): 640, ("single_200x200_k4x4", "same"): 620, ("single_200x200_k4x4", "valid"): 596,
}


def main():
    out = {
        "source": f"packages/sparse-conv/scripts/reference-checksums.py with numpy {np.__version__}, scipy {scipy.__version__}",
        "workloads": {},
    }
    for w in workloads():
        rng = np.random.default_rng(w["seed"])
        H, W, kH, kW, b = w["H"], w["W"], w["kH"], w["kW"], w["batch"]
        k = 1 - rng.random((kH, kW))
        n = max(1, int(math.floor(w["density"] * b * H * W + 0.5)))
        pos = np.sort(rng.choice(b * H * W, n, replace=False))
        vals = 1 - rng.random(n)
        dense = np.zeros(b * H * W)
        dense[pos] = vals
        dense = dense.reshape(b, H, W)
        modes = {}
        for mode in w["modes"]:
            outs = [convolve2d(dense[i], k, mode=mode) for i in range(b)]
            Ho, Wo = outs[0].shape
            flat = np.stack(outs).reshape(-1)
            g = np.flatnonzero(flat).astype(np.int64)
            v = flat[g]
            wv = v * (1 + (g % 1021) / 1021)
            ph = int(np.sum((g.astype(np.uint64) * np.uint64(2654435761)) % np.uint64(2**32), dtype=np.uint64) % np.uint64(2**32))
            modes[mode] = {
                "outHeight": Ho, "outWidth": Wo, "outNnz": int(g.size),
                "checksum": math.fsum(v.tolist()), "wchecksum": math.fsum(wv.tolist()), "patternHash": ph,
                "noteOutNnz": NOTE_OUT_NNZ[(w["name"], mode)],
            }
            print(w["name"], mode, g.size, NOTE_OUT_NNZ[(w["name"], mode)], file=sys.stderr)
        out["workloads"][w["name"]] = {"seed": w["seed"], "modes": modes}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
