package matching

// bucketQueue is Dial's priority queue for the shortest-path searches:
// reduced costs are small non-negative integers (scores are at most
// MaxPairScore tenths), so a bucket per distance gives O(1) pushes and pops,
// where a binary heap would pay a logarithm on every relaxation. A node may
// sit in the queue several times; the search skips stale entries.
type bucketQueue struct {
	buckets [][]int32
	cur     int // no entry below this distance
	used    int // buckets[:used] may hold entries
}

func (q *bucketQueue) push(v, d int32) {
	for int(d) >= len(q.buckets) {
		q.buckets = append(q.buckets, make([]int32, 0, 4))
	}
	q.buckets[d] = append(q.buckets[d], v)
	if int(d) >= q.used {
		q.used = int(d) + 1
	}
}

// pop removes an entry with the smallest distance below limit; ok is false
// when there is none.
func (q *bucketQueue) pop(limit int32) (v, d int32, ok bool) {
	for q.cur < q.used && q.cur < int(limit) {
		b := q.buckets[q.cur]
		if n := len(b); n > 0 {
			v = b[n-1]
			q.buckets[q.cur] = b[:n-1]
			return v, int32(q.cur), true
		}
		q.cur++
	}
	return 0, 0, false
}

// reset empties the queue, keeping the buckets' memory.
func (q *bucketQueue) reset() {
	for i := range q.used {
		q.buckets[i] = q.buckets[i][:0]
	}
	q.cur, q.used = 0, 0
}
