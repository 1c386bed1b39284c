package demo

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkGenerate writes whole offices into fresh database files, up to
// a county-sized one: 100 000 candidates and 20 000 placements in one
// transaction. Run it with -benchtime 1x; a run is one office.
func BenchmarkGenerate(b *testing.B) {
	for _, size := range []struct{ placements, candidates int }{
		{60, 200},
		{2_000, 10_000},
		{20_000, 100_000},
	} {
		b.Run(fmt.Sprintf("candidates=%d", size.candidates), func(b *testing.B) {
			ctx := context.Background()
			opt := Options{Placements: size.placements, Candidates: size.candidates, Today: testDay}
			var sum Summary
			for range b.N {
				b.StopTimer()
				s := openStore(b)
				b.StartTimer()
				var err error
				if sum, err = Generate(ctx, s, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sum.Utplasseringer), "utplasseringer")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(size.candidates+size.placements), "µs/record")
		})
	}
}
