package server_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/internal/matchtest"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/matching"
	"arbeidsboks/server"
	"arbeidsboks/tui/i18n"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// eventually is how long a test waits for something that should happen
// soon: generous, so that a busy CI machine never fails a correct server.
const eventually = 10 * time.Second

// demoToday fixes the generated office's dates.
const demoToday = data.Date("2026-11-23")

// office is a small generated office in a real SQLite file.
type office struct {
	db  *sqlite.DB
	ctx context.Context
}

func newOffice(tb testing.TB, placements, candidates int) *office {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "office.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	opt := demo.Options{Seed: 3, Placements: placements, Candidates: candidates, Today: demoToday}
	if _, err := demo.Generate(ctx, db.As(data.LocalLead()), opt); err != nil {
		tb.Fatal(err)
	}
	return &office{db: db, ctx: ctx}
}

func (o *office) lead() data.Store { return o.db.As(data.LocalLead()) }

// user is a registered user with an ed25519 key, its private half in a
// file for the OpenSSH client.
type user struct {
	name    string
	role    data.Role
	signer  gossh.Signer
	keyPath string
}

// header is what the UI's header says about the user.
func (u *user) header() string {
	return fmt.Sprintf("%s (%s)", u.name, i18n.New(i18n.NB).T("enum."+string(u.role)))
}

// newKey makes an ed25519 key pair and writes the private key, mode 0600,
// in the OpenSSH format.
func newKey(tb testing.TB) (gossh.Signer, string) {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "test")
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		tb.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return signer, path
}

func authorizedKey(k gossh.PublicKey) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k)))
}

// addUser registers a user with a new key, as `users add` does.
func (o *office) addUser(tb testing.TB, name string, role data.Role) *user {
	tb.Helper()
	signer, path := newKey(tb)
	u := &data.User{Name: name, Role: role, Keys: []string{authorizedKey(signer.PublicKey()) + " " + name + "@test"}}
	if err := o.lead().WithTx(o.ctx, func(tx data.Tx) error { return tx.AddUser(o.ctx, u) }); err != nil {
		tb.Fatal(err)
	}
	return &user{name: name, role: role, signer: signer, keyPath: path}
}

// proposable finds a candidate and the placement matching ranks first for
// them, with a free seat, as the server's matching sees them today.
func (o *office) proposable(tb testing.TB) (data.Candidate, data.Placement) {
	tb.Helper()
	m, err := data.LoadMatching(o.ctx, o.lead(), matching.DefaultWeights(), data.Today())
	if err != nil {
		tb.Fatal(err)
	}
	c, p, ok := matchtest.Proposable(m)
	if !ok {
		tb.Fatal("the demo office has no proposable pair")
	}
	return c, p
}

// syncBuffer is a buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

// testServer is the server running in this process on a loopback port.
type testServer struct {
	*server.Server
	addr string
	port string
	log  *syncBuffer
}

func startServer(tb testing.TB, o *office, cfg server.Config) *testServer {
	tb.Helper()
	ctx, cancel := context.WithCancel(o.ctx)
	logs := &syncBuffer{}
	cfg.HostKeyPath = filepath.Join(tb.TempDir(), "host_ed25519")
	cfg.Listen = "127.0.0.1:0"
	cfg.Logger = log.NewWithOptions(logs, log.Options{ReportTimestamp: true, Level: log.DebugLevel})
	srv, err := server.New(ctx, o.db, cfg)
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	ts := &testServer{Server: srv, addr: l.Addr().String(), port: port, log: logs}
	tb.Cleanup(func() {
		shutdown, stop := context.WithTimeout(context.Background(), 5*time.Second)
		defer stop()
		if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			tb.Errorf("shutdown: %v", err)
		}
		if err := <-served; err != nil {
			tb.Errorf("serve: %v", err)
		}
		cancel()
		if tb.Failed() {
			tb.Logf("server log:\n%s", logs.String())
		}
	})
	return ts
}

// dial connects a Go SSH client with the given ways of authenticating.
func dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "kontor",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         eventually,
	})
}

// ptyClient is a Go SSH client with one session on a `dumb` PTY, as
// STYLE.md advises for programmatic clients: no colour query, so no lost
// first key.
type ptyClient struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	out    *syncBuffer
	done   chan struct{}
	err    error
}

func openPTY(tb testing.TB, addr string, width, height int, auth ...gossh.AuthMethod) *ptyClient {
	tb.Helper()
	client, err := dial(addr, auth...)
	if err != nil {
		tb.Fatalf("ssh: %v", err)
	}
	p, err := startPTY(client, width, height)
	if err != nil {
		client.Close()
		tb.Fatal(err)
	}
	tb.Cleanup(p.close)
	return p
}

func startPTY(client *gossh.Client, width, height int) (*ptyClient, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	p := &ptyClient{client: client, sess: sess, out: &syncBuffer{}, done: make(chan struct{})}
	if err := sess.RequestPty("dumb", height, width, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return nil, err
	}
	sess.Stdout, sess.Stderr = p.out, p.out
	if p.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go func() {
		p.err = sess.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *ptyClient) close() {
	p.sess.Close()
	p.client.Close()
}

func (p *ptyClient) send(s string) {
	_, _ = io.WriteString(p.stdin, s)
}

// text is everything the session has shown, without escape sequences.
func (p *ptyClient) text() string { return ansi.Strip(p.out.String()) }

// waitFor waits until the output after the first from bytes shows every
// text, and returns it.
func (p *ptyClient) waitFor(tb testing.TB, from int, texts ...string) string {
	tb.Helper()
	deadline := time.Now().Add(eventually)
	for {
		out := p.out.String()
		shown := ansi.Strip(out[min(from, len(out)):])
		missing := testtool.FirstMissing(shown, texts...)
		if missing == "" {
			return shown
		}
		if time.Now().After(deadline) {
			tb.Fatalf("the session never showed %q; it showed:\n%s", missing, lastBytes(shown, 3000))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitEnd waits until the server ends the session.
func (p *ptyClient) waitEnd(tb testing.TB) {
	tb.Helper()
	select {
	case <-p.done:
	case <-time.After(eventually):
		tb.Fatalf("the session did not end; it showed:\n%s", lastBytes(p.text(), 3000))
	}
}

func (p *ptyClient) ended() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// openSSH is the real OpenSSH client's command line for a user's key.
func (ts *testServer) openSSH(tb testing.TB, keyPath string, args ...string) []string {
	tb.Helper()
	ssh := testtool.Program(tb, "ssh", "openssh-client")
	return append([]string{ssh, "-F", "/dev/null", "-o", "BatchMode=yes",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-i", keyPath, "-p", ts.port}, args...)
}

// runOpenSSH runs the OpenSSH client to the end without a terminal and
// returns what it printed and its exit status.
func (ts *testServer) runOpenSSH(tb testing.TB, keyPath string, args ...string) (string, int) {
	tb.Helper()
	argv := ts.openSSH(tb, keyPath, args...)
	ctx, cancel := context.WithTimeout(context.Background(), 2*eventually)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	default:
		tb.Fatalf("ssh: %v\n%s", err, out)
		return "", -1
	}
}

// settledGoroutines counts the goroutines once the count has stopped
// changing.
func settledGoroutines() int {
	n, same := runtime.NumGoroutine(), 0
	for same < 5 {
		time.Sleep(20 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
	return n
}

// goroutinesBackTo waits until no more goroutines run than baseline, and
// says which are left if they never go.
func goroutinesBackTo(baseline int) error {
	deadline := time.Now().Add(eventually)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			return fmt.Errorf("%d goroutines left, %d before:\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}
