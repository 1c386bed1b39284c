// Command solve times matching.Assign on instance files written by gen:
// one warm-up run, then the median of -runs runs, each from the pairs as
// read (sorting them into the solver's graph included). It also times the
// warm re-solve after one pin, and prints one line per measurement:
//
//	RESULT ours NAME total=T median_ms=M min_ms=M alloc_mib=A
//	RESULT ours-repin NAME total=T median_ms=M min_ms=M
//
//	go run ./matching/bench/solve [-runs 5] FILE ...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"arbeidsboks/matching"
)

func main() {
	runs := flag.Int("runs", 5, "timed runs after the warm-up (at least 3)")
	flag.Parse()
	*runs = max(3, *runs)
	for _, path := range flag.Args() {
		p, err := read(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "solve:", err)
			os.Exit(1)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		solveFromScratch(name, p, *runs)
		repin(name, p, *runs)
	}
}

func solveFromScratch(name string, p matching.AssignProblem, runs int) {
	total := matching.Assign(p).Total // warm-up
	var times []time.Duration
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	for range runs {
		t0 := time.Now()
		a := matching.Assign(p)
		times = append(times, time.Since(t0))
		if a.Total != total {
			fmt.Fprintf(os.Stderr, "solve: %s: total changed from %d to %d\n", name, total, a.Total)
			os.Exit(1)
		}
	}
	runtime.ReadMemStats(&ms)
	alloc := float64(ms.TotalAlloc-before) / float64(runs) / (1 << 20)
	med, low := stats(times)
	fmt.Printf("RESULT ours %s total=%d median_ms=%.3f min_ms=%.3f alloc_mib=%.1f\n", name, total, med, low, alloc)
}

// repin pins candidates, spread over the problem, at an allowed placement
// other than the one they got, and times Pin+Solve; each pin is undone
// (Unpin+Solve, not timed) before the next.
func repin(name string, p matching.AssignProblem, runs int) {
	a := matching.NewAssigner(p)
	base := a.Solve()
	var moves []matching.Pair
	step := max(1, len(p.Pairs)/(runs+1))
	for k := 0; k < len(p.Pairs) && len(moves) < runs+1; k += step {
		pr := p.Pairs[k]
		if base.Placement[pr.Candidate] != pr.Placement && p.Seats[pr.Placement] > 0 {
			moves = append(moves, pr)
		}
	}
	if len(moves) < 2 {
		return
	}
	var times []time.Duration
	var total int64
	for k, mv := range moves {
		t0 := time.Now()
		if err := a.Pin(mv.Candidate, mv.Placement); err != nil {
			fmt.Fprintln(os.Stderr, "solve: pin:", err)
			os.Exit(1)
		}
		total = a.Solve().Total
		if k > 0 { // the first is the warm-up
			times = append(times, time.Since(t0))
		}
		a.Unpin(mv.Candidate)
		if again := a.Solve(); again.Total != base.Total {
			fmt.Fprintf(os.Stderr, "solve: %s: unpinning gave %d, not %d\n", name, again.Total, base.Total)
			os.Exit(1)
		}
	}
	med, low := stats(times)
	fmt.Printf("RESULT ours-repin %s total=%d median_ms=%.3f min_ms=%.3f\n", name, total, med, low)
}

func stats(times []time.Duration) (median, low float64) {
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	return ms(times[len(times)/2]), ms(times[0])
}

// read parses an instance file written by gen.
func read(path string) (matching.AssignProblem, error) {
	f, err := os.Open(path)
	if err != nil {
		return matching.AssignProblem{}, err
	}
	defer f.Close()
	sc := bufio.NewScanner(bufio.NewReaderSize(f, 1<<20))
	sc.Split(bufio.ScanWords)
	next := func() int {
		if !sc.Scan() {
			panic(fmt.Sprintf("%s: file ends early", path))
		}
		v, err := strconv.Atoi(sc.Text())
		if err != nil {
			panic(fmt.Sprintf("%s: %v", path, err))
		}
		return v
	}
	n, m, k := next(), next(), next()
	p := matching.AssignProblem{Candidates: n, Seats: make([]int32, m), Pairs: make([]matching.Pair, k)}
	for j := range p.Seats {
		p.Seats[j] = int32(next())
	}
	for i := range p.Pairs {
		p.Pairs[i] = matching.Pair{Candidate: int32(next()), Placement: int32(next()), Score: int32(next())}
	}
	return p, p.Validate()
}
