package matching

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"arbeidsboks/internal/testtool"
)

// scipyTotals solves each problem with scipy's linear_sum_assignment, an
// independent implementation (LAPJV-style shortest augmenting paths on a
// dense matrix): every seat becomes a column, a missing pair or an empty
// seat weighs 0, which is what leaving a candidate unassigned is worth.
const scipyTotals = `
import sys
import numpy as np
from scipy.optimize import linear_sum_assignment

with open(sys.argv[1]) as f:
    tokens = f.read().split()
pos = 0
def take(k):
    global pos
    out = tokens[pos:pos + k]
    pos += k
    return [int(t) for t in out]

(count,) = take(1)
for _ in range(count):
    n, m, k = take(3)
    seats = take(m)
    first = np.concatenate(([0], np.cumsum(seats)))
    w = np.zeros((n, max(1, int(first[-1]))), dtype=np.int64)
    for _ in range(k):
        c, p, s = take(3)
        w[c, first[p]:first[p + 1]] = s
    rows, cols = linear_sum_assignment(w, maximize=True)
    print(int(w[rows, cols].sum()))
`

func TestAssign_EqualsScipyOnRandomProblemsUpTo300x300(t *testing.T) {
	python := testtool.Python3WithScipy(t)
	rng := rand.New(rand.NewPCG(11, 12))
	var problems []AssignProblem
	for k := range 40 {
		n, m := 1+rng.IntN(300), 1+rng.IntN(300)
		if k < 4 {
			n, m = 300, 300
		}
		density := []float64{0.01, 0.05, 0.3, 1}[k%4]
		maxScore := []int32{10, 1000}[k%2]
		problems = append(problems, randomProblem(rng, n, m, 3, density, maxScore))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "problems.txt")
	var b strings.Builder
	fmt.Fprintln(&b, len(problems))
	for _, p := range problems {
		fmt.Fprintln(&b, p.Candidates, len(p.Seats), len(p.Pairs))
		for _, s := range p.Seats {
			fmt.Fprint(&b, s, " ")
		}
		fmt.Fprintln(&b)
		for _, pr := range p.Pairs {
			fmt.Fprintln(&b, pr.Candidate, pr.Placement, pr.Score)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "totals.py")
	if err := os.WriteFile(script, []byte(scipyTotals), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, script, path).Output()
	if err != nil {
		t.Fatalf("scipy: %v", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for k, p := range problems {
		if !sc.Scan() {
			t.Fatalf("scipy gave %d totals for %d problems", k, len(problems))
		}
		want, err := strconv.ParseInt(sc.Text(), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		a := Assign(p)
		checkFeasible(t, p, a)
		if a.Total != want {
			t.Errorf("problem %d (%d×%d, %d pairs): total %d, scipy %d", k, p.Candidates, len(p.Seats), len(p.Pairs), a.Total, want)
		}
	}
}
