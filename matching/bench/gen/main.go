// Command gen writes the deterministic assignment benchmark instances to
// files that the peer solvers read, one file per instance: a line
// "candidates placements pairs", a line of free seats per placement, and a
// line "candidate placement score" per pair (scores in tenths).
//
//	go run ./matching/bench/gen -out DIR [name ...]
//
// Without names it writes every instance in instance.Specs.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"arbeidsboks/matching/bench/instance"
)

func main() {
	out := flag.String("out", ".", "folder to write NAME.txt into")
	flag.Parse()
	names := flag.Args()
	if len(names) == 0 {
		for _, s := range instance.Specs {
			names = append(names, s.Name)
		}
	}
	for _, name := range names {
		spec, ok := instance.ByName(name)
		if !ok {
			fmt.Fprintf(os.Stderr, "gen: no instance %q\n", name)
			os.Exit(2)
		}
		if err := write(filepath.Join(*out, name+".txt"), instance.Generate(spec)); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}

func write(path string, in instance.Instance) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "%d %d %d\n", in.Candidates, len(in.Seats), len(in.Pairs))
	var buf []byte
	for k, s := range in.Seats {
		buf = buf[:0]
		if k > 0 {
			buf = append(buf, ' ')
		}
		w.Write(strconv.AppendInt(buf, int64(s), 10))
	}
	w.WriteByte('\n')
	for _, p := range in.Pairs {
		buf = strconv.AppendInt(buf[:0], int64(p.Candidate), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(p.Placement), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(p.Score), 10)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
