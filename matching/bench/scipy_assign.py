"""scipy's assignment solvers on the assignment benchmark instances, as peers
for matching.Assign.

    python3 scipy_assign.py dense|sparse RUNS FILE...

Both need a plain assignment matrix, so every free seat becomes a column of
its own (a placement with 4 seats gives 4 equal columns).

dense:  scipy.optimize.linear_sum_assignment on the candidates x seats
        matrix, a missing pair weighing 0 (what an unassigned candidate is
        worth). Only where the matrix fits in memory (office and mid).
sparse: scipy.sparse.csgraph.min_weight_full_bipartite_matching, maximising.
        It needs a matching that covers every candidate and drops explicit
        zeros, so each candidate also gets a dummy column of its own (being
        unassigned) and every weight is shifted up by one: real pairs weigh
        score+1, dummies 1. Every candidate is matched exactly once, so the
        shift adds exactly the number of candidates, which is taken off again.

The time covers building the matrix from the pairs and solving, like
matching.Assign does. One warm-up run, then the median of RUNS runs; prints
"RESULT scipy-dense|scipy-sparse NAME total=T median_ms=M min_ms=M".
"""

import os
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def read(path):
    with open(path, "rb") as f:
        n, m, k = (int(x) for x in f.readline().split())
        seats = np.array(f.readline().split(), dtype=np.int64)
        pairs = np.fromfile(f, dtype=np.int64, count=3 * k, sep=" ").reshape(k, 3)
    return n, m, seats, pairs


def expand(seats, pairs):
    """Seat columns: the pair (c, p, s) becomes (c, first[p]+i, s) per seat i."""
    first = np.concatenate(([0], np.cumsum(seats)))
    reps = seats[pairs[:, 1]]
    rows = np.repeat(pairs[:, 0], reps)
    scores = np.repeat(pairs[:, 2], reps)
    starts = np.repeat(first[pairs[:, 1]], reps)
    # offset of each repeated entry within its run of seats
    run_start = np.repeat(np.cumsum(reps) - reps, reps)
    cols = starts + (np.arange(len(rows)) - run_start)
    return rows, cols, scores, int(first[-1])


def solve_dense(n, m, seats, pairs):
    rows, cols, scores, s = expand(seats, pairs)
    w = np.zeros((n, max(1, s)), dtype=np.int64)
    w[rows, cols] = scores
    r, c = linear_sum_assignment(w, maximize=True)
    return int(w[r, c].sum())


def solve_sparse(n, m, seats, pairs):
    rows, cols, scores, s = expand(seats, pairs)
    rows = np.concatenate((rows, np.arange(n)))
    cols = np.concatenate((cols, s + np.arange(n)))
    weights = np.concatenate((scores + 1, np.ones(n, dtype=np.int64))).astype(np.float64)
    g = csr_matrix((weights, (rows, cols)), shape=(n, s + n))
    r, c = min_weight_full_bipartite_matching(g, maximize=True)
    return int(round(float(np.asarray(g[r, c]).sum()))) - n


def main():
    mode, runs, paths = sys.argv[1], max(3, int(sys.argv[2])), sys.argv[3:]
    solve = {"dense": solve_dense, "sparse": solve_sparse}[mode]
    for path in paths:
        inst = read(path)
        total = solve(*inst)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            t = solve(*inst)
            times.append((time.perf_counter() - t0) * 1000)
            if t != total:
                sys.exit(f"scipy_assign: total changed from {total} to {t}")
        times.sort()
        name = os.path.basename(path).removesuffix(".txt")
        print(f"RESULT scipy-{mode} {name} total={total} median_ms={times[len(times) // 2]:.3f} min_ms={times[0]:.3f}", flush=True)


if __name__ == "__main__":
    main()
