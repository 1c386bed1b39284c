//go:build unix

package server_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/matching"
	"arbeidsboks/server"
	"arbeidsboks/tui/i18n"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// The load: this many sessions at once, each typing this many measured
// keys into a list's filter, a pause of jitter between keys (people type a
// few keys a second; the jitter also keeps the sessions from typing in step
// with Bubble Tea's 60 fps frame timer).
const (
	loadSessions  = 100
	loadKeys      = 40
	loadJitterMin = 40 * time.Millisecond
	loadJitterMax = 250 * time.Millisecond
	loadChanges   = 5 // placements a colleague adds while everyone watches
)

// The server runs in a process of its own, so that its heap, goroutines
// and CPU are measured without the clients'. The benchmark starts this test
// binary again with loadServerEnv set; TestLoadServer then serves and
// answers the benchmark's questions on its standard input and output.
const (
	loadServerEnv  = "ARBEIDSBOKS_LOAD_SERVER_DB"
	loadProfileEnv = "ARBEIDSBOKS_LOAD_CPUPROFILE" // a file for the server's CPU profile
)

// BenchmarkSessions measures the server with 100 concurrent sessions over
// loopback: keystroke-to-screen latency while all of them type, heap per
// idle session, server CPU, and the goroutines left once they have gone.
// One iteration is one whole round; run it with -benchtime 1x.
func BenchmarkSessions(b *testing.B) {
	path, users := prepareLoadOffice(b)
	srv := startLoadServer(b, path)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var latencies, live []time.Duration
	var lost, lostOpen, keysSent int
	var memPerSession, cpuPerKey, cores, others float64
	var left int
	b.ResetTimer()
	for range b.N {
		before := srv.stats(b)

		// Everyone logs in and gets the list.
		clients := make([]*loadClient, loadSessions)
		var wg sync.WaitGroup
		errs := make(chan error, loadSessions)
		sem := make(chan struct{}, 16) // logins in flight at once
		for i := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				c, err := connectLoadClient(ctx, srv.addr, users[i])
				clients[i] = c
				if err != nil {
					errs <- fmt.Errorf("session %d: %w", i, err)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}

		// Idle: what a session costs while its user reads.
		time.Sleep(time.Second)
		idle := srv.stats(b)
		memPerSession = (float64(idle.heap) - float64(before.heap)) / loadSessions / (1 << 20)

		// Everyone types.
		machineBefore, clientsBefore := machineCPU(), processCPU()
		results := make([]loadResult, loadSessions)
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = c.typeKeys(ctx, rand.New(rand.NewPCG(uint64(i), 7)))
			}()
		}
		wg.Wait()
		machineBusy, clientsBusy := machineCPU()-machineBefore, processCPU()-clientsBefore
		typed := srv.stats(b)
		sent := 0
		for _, r := range results {
			latencies = append(latencies, r.latencies...)
			lost += r.lost
			lostOpen += r.lostOpen + r.lostClear
			sent += r.sent
		}
		keysSent += sent
		busy := typed.cpu - idle.cpu
		cpuPerKey = float64(busy.Microseconds()) / 1000 / float64(max(1, sent))
		wall := typed.at.Sub(idle.at).Seconds()
		cores = busy.Seconds() / wall
		// What else ran on the machine meanwhile: other programs share
		// the cores, and show in the tail of the latencies.
		others = max(0, (machineBusy-busy-clientsBusy).Seconds()/wall)

		// A colleague adds a placement: every screen's count follows.
		total := srv.placements
		for range loadChanges {
			total++
			want := fmt.Sprintf(" av %d", total)
			for _, c := range clients {
				c.expect(want)
			}
			srv.add(b)
			for i, c := range clients {
				d, ok := c.wait(ctx, eventually)
				if !ok {
					b.Fatalf("session %d never showed the new placement (%q)", i, want)
				}
				live = append(live, d)
			}
		}
		srv.placements = total

		// Everyone leaves: nothing of theirs may stay behind.
		for _, c := range clients {
			c.close()
		}
		left = srv.goroutinesLeft(b, before.goroutines)
	}
	b.StopTimer()

	pct := percentiles(latencies)
	livePct := percentiles(live)
	b.ReportMetric(loadSessions, "sessions")
	b.ReportMetric(pct(0.5), "echo-p50-ms")
	b.ReportMetric(pct(0.99), "echo-p99-ms")
	b.ReportMetric(float64(lost), "keys-unanswered")
	b.ReportMetric(livePct(0.5), "live-p50-ms")
	b.ReportMetric(livePct(1), "live-max-ms")
	b.ReportMetric(memPerSession, "MiB/idle-session")
	b.ReportMetric(cpuPerKey, "server-cpu-ms/key")
	b.ReportMetric(cores, "server-cores-typing")
	if others > 0 {
		b.ReportMetric(others, "other-cores-typing")
	}
	b.ReportMetric(float64(left), "goroutines-left")
	b.ReportMetric(0, "ns/op") // one op is one whole round: its time says nothing
	b.Logf("%d filters did not open or close; echo p90 %.1f ms, p95 %.1f ms, max %.1f ms", lostOpen, pct(0.9), pct(0.95), pct(1))
	b.Logf("%d keys typed, %d measured; server heap %.1f MiB in use with %d sessions open", keysSent, len(latencies),
		float64(srv.last.heap)/(1<<20), loadSessions)
}

// percentiles gives the p-th quantile of the durations in milliseconds.
func percentiles(d []time.Duration) func(p float64) float64 {
	d = slices.Clone(d)
	slices.Sort(d)
	return func(p float64) float64 {
		if len(d) == 0 {
			return 0
		}
		i := int(float64(len(d))*p+0.999999) - 1
		return float64(d[max(0, i)].Microseconds()) / 1000
	}
}

// prepareLoadOffice writes a demo office of the default size with one user
// per session, and gives the users' keys.
func prepareLoadOffice(b *testing.B) (string, []gossh.Signer) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "office.db")
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	lead := db.As(data.LocalLead())
	if _, err := demo.Generate(ctx, lead, demo.Options{Today: demoToday}); err != nil {
		b.Fatal(err)
	}
	signers := make([]gossh.Signer, loadSessions)
	err = lead.WithTx(ctx, func(tx data.Tx) error {
		for i := range signers {
			signers[i], _ = newKey(b)
			role := []data.Role{data.RoleSpecialist, data.RoleMarket, data.RoleLead}[i%3]
			u := &data.User{Name: fmt.Sprintf("bruker-%03d", i), Role: role, Keys: []string{authorizedKey(signers[i].PublicKey())}}
			if err := tx.AddUser(ctx, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return path, signers
}

// loadServer is the server process, as the benchmark sees it.
type loadServer struct {
	addr       string
	placements int // in the office, as the lists count them
	cmd        *exec.Cmd
	stdin      io.Writer
	out        *bufio.Scanner
	last       loadStats
}

type loadStats struct {
	at         time.Time
	heap       uint64 // HeapInuse after a collection
	goroutines int
	cpu        time.Duration // user and system, since the process started
}

func startLoadServer(b *testing.B, path string) *loadServer {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadServer$", "-test.timeout=10m")
	cmd.Env = append(os.Environ(), loadServerEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &loadServer{cmd: cmd, stdin: stdin, out: bufio.NewScanner(stdout)}
	b.Cleanup(func() {
		fmt.Fprintln(stdin, "quit")
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(eventually):
			cmd.Process.Kill()
			<-done
		}
	})
	s.addr = strings.TrimPrefix(s.answer(b, "addr "), "addr ")
	s.placements = demo.DefaultPlacements
	return s
}

// answer reads the server's next answer, the line that starts with prefix.
func (s *loadServer) answer(b *testing.B, prefix string) string {
	b.Helper()
	for s.out.Scan() {
		if line := s.out.Text(); strings.HasPrefix(line, prefix) {
			return line
		}
	}
	b.Fatalf("the server process ended without answering %q: %v", prefix, s.out.Err())
	return ""
}

func (s *loadServer) stats(b *testing.B) loadStats {
	b.Helper()
	fmt.Fprintln(s.stdin, "stats")
	var st loadStats
	var cpu int64
	line := s.answer(b, "stats ")
	if _, err := fmt.Sscanf(line, "stats heap=%d goroutines=%d cpu=%d", &st.heap, &st.goroutines, &cpu); err != nil {
		b.Fatalf("%q: %v", line, err)
	}
	st.cpu, st.at = time.Duration(cpu), time.Now()
	s.last = st
	return st
}

// add has the server's process add a placement, as a colleague's session
// in it would.
func (s *loadServer) add(b *testing.B) {
	b.Helper()
	fmt.Fprintln(s.stdin, "add")
	if line := s.answer(b, "added"); line != "added" {
		b.Fatal(line)
	}
}

// goroutinesLeft waits for the server's goroutines to fall back to
// baseline, and says how many more are left at the deadline.
func (s *loadServer) goroutinesLeft(b *testing.B, baseline int) int {
	b.Helper()
	fmt.Fprintf(s.stdin, "settle %d\n", baseline)
	n, err := strconv.Atoi(strings.TrimPrefix(s.answer(b, "goroutines "), "goroutines "))
	if err != nil {
		b.Fatal(err)
	}
	return max(0, n-baseline)
}

// TestLoadServer is the server process of BenchmarkSessions; run alone,
// it has nothing to do.
func TestLoadServer(t *testing.T) {
	path := os.Getenv(loadServerEnv)
	if path == "" {
		t.Skip("the server process of BenchmarkSessions")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv, err := server.New(ctx, db, server.Config{
		Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(filepath.Dir(path), "host_ed25519"), Lang: i18n.NB,
		Logger: log.New(io.Discard),
	})
	if err != nil {
		t.Fatal(err)
	}
	l, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	if file := os.Getenv(loadProfileEnv); file != "" {
		f, err := os.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	fmt.Println("addr", l.Addr())
	added := 0
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		switch cmd := strings.Fields(in.Text()); cmd[0] {
		case "stats":
			n := settledGoroutines()
			runtime.GC()
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Printf("stats heap=%d goroutines=%d cpu=%d\n", m.HeapInuse, n, processCPU().Nanoseconds())
		case "settle":
			baseline, _ := strconv.Atoi(cmd[1])
			goroutinesBackTo(baseline)
			fmt.Println("goroutines", runtime.NumGoroutine())
		case "add":
			added++
			p := data.NewPlacement()
			p.Ref, p.Title, p.Employer, p.Seats = fmt.Sprintf("P-LIVE-%02d", added), "Sykkelreparatør", "Tøyen Sykkelverksted", 2
			p.Schedule = matching.MustParseSchedule("man-fre 09:00-15:00")
			lead := db.As(data.LocalLead())
			if err := lead.WithTx(ctx, func(tx data.Tx) error { return tx.SavePlacement(ctx, &p) }); err != nil {
				fmt.Println("added nothing:", err)
				continue
			}
			fmt.Println("added")
		case "quit":
			shutdown, stop := context.WithTimeout(context.Background(), 5*time.Second)
			srv.Shutdown(shutdown)
			stop()
			return
		}
	}
}

// loadClient is one person's session: a Go SSH client on a `dumb` PTY that
// reads everything the server sends and notes when an expected text shows.
type loadClient struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer

	mu     sync.Mutex
	buf    []byte // output since the last key
	want   string
	sent   time.Time
	answer chan time.Duration
}

func connectLoadClient(ctx context.Context, addr string, signer gossh.Signer) (*loadClient, error) {
	client, err := dial(addr, gossh.PublicKeys(signer))
	if err != nil {
		return nil, err
	}
	c := &loadClient{client: client, answer: make(chan time.Duration, 1)}
	if c.sess, err = client.NewSession(); err != nil {
		return nil, err
	}
	if err := c.sess.RequestPty("dumb", 30, 100, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return nil, err
	}
	if c.stdin, err = c.sess.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := c.sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	go c.read(out)
	c.expect("av 60")
	if err := c.sess.Shell(); err != nil {
		return nil, err
	}
	if _, ok := c.wait(ctx, eventually); !ok {
		return nil, fmt.Errorf("the list never showed")
	}
	return c, nil
}

func (c *loadClient) read(out io.Reader) {
	chunk := make([]byte, 32<<10)
	for {
		n, err := out.Read(chunk)
		if n > 0 {
			now := time.Now()
			c.mu.Lock()
			c.buf = append(c.buf, chunk[:n]...)
			if c.want != "" && strings.Contains(ansi.Strip(string(c.buf)), c.want) {
				c.want = ""
				c.answer <- now.Sub(c.sent)
			}
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// expect forgets the output so far and watches for text from now on.
func (c *loadClient) expect(text string) {
	c.mu.Lock()
	c.buf, c.want, c.sent = c.buf[:0], text, time.Now()
	c.mu.Unlock()
}

func (c *loadClient) wait(ctx context.Context, limit time.Duration) (time.Duration, bool) {
	select {
	case d := <-c.answer:
		return d, true
	case <-time.After(limit):
	case <-ctx.Done():
	}
	c.mu.Lock()
	c.want = ""
	c.mu.Unlock()
	select { // it may have come meanwhile
	case <-c.answer:
	default:
	}
	return 0, false
}

// key types a key and waits until the screen shows text.
func (c *loadClient) key(ctx context.Context, key, text string) (time.Duration, bool) {
	c.expect(text)
	if _, err := io.WriteString(c.stdin, key); err != nil {
		return 0, false
	}
	return c.wait(ctx, 5*time.Second)
}

type loadResult struct {
	latencies []time.Duration
	sent      int // every key, measured or not
	lost      int // measured keys whose echo never came
	lostOpen  int // filters that did not open
	lostClear int // filters that did not close
}

// typeKeys filters the list word by word, as someone looking for a
// placement does: / opens the filter, each letter shows in it, esc clears.
func (c *loadClient) typeKeys(ctx context.Context, rng *rand.Rand) loadResult {
	words := []string{"renhold", "barista", "kantine", "lager", "butikk", "kokk", "vaktmester"}
	pause := func() {
		time.Sleep(loadJitterMin + time.Duration(rng.Int64N(int64(loadJitterMax-loadJitterMin))))
	}
	var r loadResult
	for w := rng.IntN(len(words)); len(r.latencies)+r.lost < loadKeys; w++ {
		word := words[w%len(words)]
		pause()
		r.sent++
		if _, ok := c.key(ctx, "/", "/ "); !ok {
			r.lostOpen++
			continue
		}
		for i := range word {
			if len(r.latencies)+r.lost == loadKeys {
				break
			}
			pause()
			r.sent++
			if d, ok := c.key(ctx, word[i:i+1], "/ "+word[:i+1]); ok {
				r.latencies = append(r.latencies, d)
			} else {
				r.lost++
			}
		}
		// esc clears the filter; the next / must not follow before the
		// server has read it, or the two are read as alt+/.
		pause()
		r.sent++
		if _, ok := c.key(ctx, "\x1b", "q avslutt"); !ok {
			r.lostClear++
		}
	}
	return r
}

func (c *loadClient) close() {
	c.sess.Close()
	c.client.Close()
}

// processCPU is the user and system time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// machineCPU is the time every core of the machine has been busy, from
// /proc/stat (0 where there is none).
func machineCPU() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	fields := strings.Fields(line) // cpu user nice system idle iowait irq softirq steal …
	var busy int64
	for i, f := range fields {
		if n, err := strconv.ParseInt(f, 10, 64); err == nil && i != 4 && i != 5 && i <= 8 {
			busy += n
		}
	}
	return time.Duration(busy) * time.Second / 100 // USER_HZ
}
