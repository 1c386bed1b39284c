// Package server serves arbeidsboks over SSH: public keys of registered
// users only, one terminal UI per session over the office's shared live
// read model, each session with its own renderer, size and user.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/matching"
	"arbeidsboks/tui"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	wishrecover "github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"
)

// Config is how the server runs.
type Config struct {
	Listen          string        // host:port
	HostKeyPath     string        // created (ed25519) on first start
	IdleTimeout     time.Duration // a session whose user types nothing this long is closed
	MaxSessions     int           // 0: no limit
	MaxAuthFailures int           // failed logins per address per window before it must wait
	Lang            i18n.Lang
	Weights         matching.Weights
	Logger          *log.Logger
	// Wrap, when set, wraps each session's root model: tests use it to
	// inject faults.
	Wrap func(tea.Model) tea.Model
}

// Server is a running SSH server.
type Server struct {
	cfg      Config
	db       *sqlite.DB
	office   *live.Office
	ssh      *ssh.Server
	limiter  *authLimiter
	cat      *i18n.Catalogue
	log      *log.Logger
	sessions atomic.Int64

	mu       sync.Mutex
	uis      map[*ui]struct{}
	stopping bool
}

// New prepares a server over the database. The office's read model is
// loaded now and shared by every session.
func New(ctx context.Context, db *sqlite.DB, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true})
	}
	if cfg.MaxAuthFailures <= 0 {
		cfg.MaxAuthFailures = 20
	}
	if !cfg.Weights.Valid() {
		cfg.Weights = matching.DefaultWeights()
	}
	office, err := live.Open(ctx, db.As(data.LocalLead()))
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, db: db, office: office, limiter: newAuthLimiter(cfg.MaxAuthFailures, time.Minute),
		cat: i18n.New(cfg.Lang), log: cfg.Logger, uis: map[*ui]struct{}{}}
	// wish runs middlewares last first: recovery wraps everything; then the
	// session limit, the log line, the user and the PTY check; the UI last.
	opts := []ssh.Option{
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(s.knownKey),
		wish.WithMiddleware(
			wishrecover.MiddlewareWithLogger(s.log.StandardLog(),
				s.runUI,
				s.requirePTY,
				s.identify,
				s.logSessions,
				s.limitSessions,
			),
		),
	}
	if cfg.IdleTimeout > 0 {
		// A session's own clock counts only typing (see typing) and ends its
		// UI in order; the connection's clock, which any traffic resets,
		// closes connections that never open a session. It runs a little
		// longer so that it never cuts a session its own clock would end.
		opts = append(opts, wish.WithIdleTimeout(cfg.IdleTimeout+idleMargin))
	}
	if s.ssh, err = wish.NewServer(opts...); err != nil {
		return nil, err
	}
	s.ssh.ConnectionFailedCallback = func(conn net.Conn, err error) {
		s.log.Debug("connection failed", "addr", conn.RemoteAddr(), "err", err)
	}
	return s, nil
}

// Fingerprint is the host key's SHA256 fingerprint, for users to check on
// first connect.
func (s *Server) Fingerprint() (string, error) {
	pemBytes, err := os.ReadFile(s.cfg.HostKeyPath)
	if err != nil {
		return "", err
	}
	signer, err := gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return "", err
	}
	return gossh.FingerprintSHA256(signer.PublicKey()), nil
}

// Serve accepts connections on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Listen opens the configured address.
func (s *Server) Listen() (net.Listener, error) { return net.Listen("tcp", s.cfg.Listen) }

// Shutdown ends every session with a goodbye line, lets running writes
// finish (a store transaction is never cut in half: sessions end between
// messages), and stops the server, waiting at most until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	for u := range s.uis {
		go u.p.Quit() // Quit waits for the program's loop: never under the lock
	}
	s.mu.Unlock()
	closed := make(chan error, 1)
	go func() { closed <- s.ssh.Shutdown(ctx) }()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var ended time.Time
	for {
		select {
		case err := <-closed:
			if ctx.Err() != nil { // the deadline: cut what is left
				s.log.Warn("stopping: sessions cut at the deadline", "sessions", s.sessions.Load())
				return s.ssh.Close()
			}
			return err
		case <-tick.C:
		}
		if s.sessions.Load() > 0 {
			ended = time.Time{}
			continue
		}
		if ended.IsZero() {
			ended = time.Now()
		}
		// Every session has ended. Clients close their connections
		// themselves; one that keeps it open without a session (a Go
		// client, OpenSSH's ControlPersist) has nothing in flight, and is
		// closed after a moment.
		if time.Since(ended) >= linger {
			err := s.ssh.Close()
			<-closed
			return err
		}
	}
}

// idleMargin is how much longer than a session's idle timeout its
// connection may stay idle.
const idleMargin = time.Minute

// linger is how long Shutdown lets clients close their connections after
// their sessions have ended, so that they get the exit status first.
const linger = 250 * time.Millisecond

// knownKey is the public-key callback: it only says whether the key
// belongs to an active user. Who the user is gets decided after the key is
// verified (identify): the callback also sees keys a client merely offers.
func (s *Server) knownKey(ctx ssh.Context, key ssh.PublicKey) bool {
	addr := host(ctx.RemoteAddr())
	if s.limiter.blocked(addr) {
		// Past the limit an address is slowed, not shut out: the office
		// behind it must still get in with its registered keys.
		time.Sleep(tarpit)
	}
	u, err := s.db.As(data.LocalLead()).UserByKey(ctx, string(gossh.MarshalAuthorizedKey(key)))
	if err != nil || !u.Active {
		s.limiter.failed(addr)
		return false
	}
	return true
}

func host(addr net.Addr) string {
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// tarpit is how long each login attempt from an address past the limit of
// failures waits.
const tarpit = time.Second

type userKey struct{}

// identify finds the user by the key that was verified.
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		key := sess.PublicKey()
		if key == nil {
			wish.Fatalln(sess, s.cat.T("server.no_key"))
			return
		}
		u, err := s.db.As(data.LocalLead()).UserByKey(sess.Context(), string(gossh.MarshalAuthorizedKey(key)))
		if err != nil || !u.Active {
			wish.Fatalln(sess, s.cat.T("server.unknown_key"))
			return
		}
		sess.Context().SetValue(userKey{}, u)
		next(sess)
	}
}

func (s *Server) requirePTY(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, s.cat.T("server.no_pty"))
			return
		}
		next(sess)
	}
}

// logSessions says who connected from where and for how long, never what
// they saw or did.
func (s *Server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		next(sess)
		name, role := "?", ""
		if u, ok := sess.Context().Value(userKey{}).(data.User); ok {
			name, role = u.Name, string(u.Role)
		}
		s.log.Info("session", "user", name, "role", role, "addr", host(sess.RemoteAddr()),
			"duration", time.Since(start).Round(time.Second))
	}
}

func (s *Server) limitSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		n := s.sessions.Add(1)
		defer s.sessions.Add(-1)
		if s.cfg.MaxSessions > 0 && n > int64(s.cfg.MaxSessions) {
			wish.Fatalln(sess, s.cat.T("server.full"))
			return
		}
		next(sess)
	}
}

// ui is one session's UI. Its state lives here, not in the session's
// context: that context belongs to the connection, which can carry several
// sessions (OpenSSH's ControlMaster).
type ui struct {
	p        *tea.Program
	user     data.User
	typing   *typing
	panicked atomic.Bool
	idled    atomic.Bool
}

// runUI runs the session's UI until it ends, and says why it ended when
// the user did not choose to: the server is stopping, or the UI failed.
// It does what wish's bubbletea middleware does, and also learns how the
// program ended, which that middleware keeps to itself: a panic that
// Bubble Tea caught in a command ends the session like one in Update.
// say writes one line from the catalogue to a session, on a line of its
// own after whatever the screen showed.
func (s *Server) say(sess ssh.Session, key string, args ...any) {
	fmt.Fprint(sess, "\r\n"+s.cat.T(key, args...)+"\r\n")
}

func (s *Server) runUI(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer next(sess)
		user, ok := sess.Context().Value(userKey{}).(data.User)
		_, windows, pty := sess.Pty()
		if !ok || !pty {
			return // identify and requirePTY have answered
		}
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		u := s.newUI(ctx, sess, user)
		if u == nil {
			s.say(sess, "server.goodbye")
			return
		}
		go func() {
			for {
				select {
				case <-ctx.Done():
					u.p.Quit()
					return
				case w := <-windows:
					u.p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
				}
			}
		}()
		if s.cfg.IdleTimeout > 0 {
			go s.closeWhenIdle(ctx, u)
		}
		_, err := u.p.Run()
		if errors.Is(err, tea.ErrProgramPanic) && !u.panicked.Load() {
			// Bubble Tea has printed the panic and its stack on standard output.
			s.log.Error("session panicked", "user", u.user.Name, "panic", "in a command")
			u.panicked.Store(true)
		}
		u.p.Kill() // restores the terminal if the program did not
		s.mu.Lock()
		delete(s.uis, u)
		stopping := s.stopping
		s.mu.Unlock()
		switch {
		case u.panicked.Load():
			s.say(sess, "server.crashed")
		case stopping:
			s.say(sess, "server.goodbye")
		case u.idled.Load():
			s.say(sess, "server.idle", s.cfg.IdleTimeout.String())
		}
	}
}

// newUI builds the session's UI: its own renderer (the client's colours
// and size), its user's store, the shared read model. It is nil when the
// server is stopping.
func (s *Server) newUI(ctx context.Context, sess ssh.Session, user data.User) *ui {
	renderer := bm.MakeRenderer(sess)
	c := &common.Common{
		Ctx: ctx, Store: s.db.As(user.Actor()), Office: s.office, Cat: s.cat, Renderer: renderer,
		Styles: common.DefaultStyles(renderer), Weights: s.cfg.Weights, Location: s.cat.T("server.location"),
		Today: data.Today,
	}
	u := &ui{user: user, typing: &typing{Reader: sess}}
	u.typing.touch()
	var model tea.Model = tui.New(c)
	if s.cfg.Wrap != nil {
		model = s.cfg.Wrap(model)
	}
	// The server allocates no PTY (it emulates one), so the program reads
	// and writes the session itself, as wish's MakeOptions gives it.
	u.p = tea.NewProgram(&safeModel{inner: model, ui: u, s: s}, tea.WithInput(u.typing), tea.WithOutput(sess),
		tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithContext(ctx))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return nil
	}
	s.uis[u] = struct{}{}
	return u
}

// typing is the session's input, with the time its user last typed: the
// idle timeout counts from it. What the server draws (a colleague's change
// redraws every screen) and the client's keepalives are not typing.
type typing struct {
	io.Reader
	last atomic.Int64 // Unix nanoseconds
}

func (t *typing) Read(p []byte) (int, error) {
	n, err := t.Reader.Read(p)
	if n > 0 {
		t.touch()
	}
	return n, err
}

func (t *typing) touch() { t.last.Store(time.Now().UnixNano()) }

func (t *typing) idle() time.Duration { return time.Since(time.Unix(0, t.last.Load())) }

// closeWhenIdle ends the UI once its user has typed nothing for the idle
// timeout.
func (s *Server) closeWhenIdle(ctx context.Context, u *ui) {
	timer := time.NewTimer(s.cfg.IdleTimeout)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		idle := u.typing.idle()
		if idle >= s.cfg.IdleTimeout {
			s.log.Info("session idle", "user", u.user.Name, "idle", idle.Round(time.Second))
			u.idled.Store(true)
			u.p.Quit()
			return
		}
		timer.Reset(s.cfg.IdleTimeout - idle)
	}
}

// safeModel ends only its own session when the UI panics: the panic is
// logged with its stack on the server, and the user gets a line that says
// what happened, not the stack.
type safeModel struct {
	inner tea.Model
	ui    *ui
	s     *Server
}

func (m *safeModel) Init() tea.Cmd { return m.inner.Init() }

func (m *safeModel) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer m.recover(&cmd)
	m.inner, cmd = m.inner.Update(msg)
	return m, cmd
}

func (m *safeModel) View() (view string) {
	var cmd tea.Cmd
	defer m.recover(&cmd)
	return m.inner.View()
}

func (m *safeModel) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		m.s.log.Error("session panicked", "user", m.ui.user.Name, "panic", r, "stack", string(debug.Stack()))
		m.ui.panicked.Store(true)
		*cmd = tea.Quit
		go m.ui.p.Quit() // a panic in View has no command to return
	}
}

// Sessions is the number of open sessions.
func (s *Server) Sessions() int { return int(s.sessions.Load()) }
