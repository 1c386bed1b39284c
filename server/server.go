// Package server serves arbeidsboks over SSH: public keys of registered
// users only, one terminal UI per session over the office's shared live
// read model, each session with its own renderer, size and user.
package server

import (
	"context"
	"errors"
	"fmt"
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
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// Config is how the server runs.
type Config struct {
	Listen          string        // host:port
	HostKeyPath     string        // created (ed25519) on first start
	IdleTimeout     time.Duration // a session without input this long is closed
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
	programs map[*tea.Program]ssh.Session
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
		cat: i18n.New(cfg.Lang), log: cfg.Logger, programs: map[*tea.Program]ssh.Session{}}
	// wish runs middlewares last first: recovery wraps everything; then the
	// session limit, the log line, the PTY check and the user; the UI last.
	opts := []ssh.Option{
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(s.knownKey),
		wish.WithMiddleware(
			wishrecover.MiddlewareWithLogger(s.log.StandardLog(),
				bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
				s.farewell,
				s.requirePTY,
				s.identify,
				s.logSessions,
				s.limitSessions,
			),
		),
	}
	if cfg.IdleTimeout > 0 {
		opts = append(opts, wish.WithIdleTimeout(cfg.IdleTimeout))
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
	for p := range s.programs {
		p.Quit()
	}
	s.mu.Unlock()
	err := s.ssh.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return s.ssh.Close()
	}
	return err
}

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

// program builds the session's UI: its own renderer (the client's colours
// and size), its user's store, the shared read model.
func (s *Server) program(sess ssh.Session) *tea.Program {
	u, ok := sess.Context().Value(userKey{}).(data.User)
	if !ok {
		return nil
	}
	renderer := bm.MakeRenderer(sess)
	ctx, cancel := context.WithCancel(sess.Context())
	c := &common.Common{
		Ctx: ctx, Store: s.db.As(u.Actor()), Office: s.office, Cat: s.cat, Renderer: renderer,
		Styles: common.DefaultStyles(renderer), Weights: s.cfg.Weights, Location: s.cat.T("server.location"),
		Today: data.Today,
	}
	var model tea.Model = &safeModel{inner: tui.New(c), sess: sess, s: s}
	if s.cfg.Wrap != nil {
		model = &safeModel{inner: s.cfg.Wrap(tui.New(c)), sess: sess, s: s}
	}
	opts := append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithContext(ctx))
	p := tea.NewProgram(model, opts...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		cancel()
		return nil
	}
	s.programs[p] = sess
	sess.Context().SetValue(programKey{}, p)
	go func() {
		<-sess.Context().Done()
		cancel()
	}()
	return p
}

type programKey struct{}

// farewell runs after the session's UI has ended: it forgets the program
// and, when the server is stopping or the session failed, says so.
func (s *Server) farewell(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		next(sess)
		s.mu.Lock()
		if p, ok := sess.Context().Value(programKey{}).(*tea.Program); ok {
			delete(s.programs, p)
		}
		stopping := s.stopping
		s.mu.Unlock()
		switch {
		case sess.Context().Value(panickedKey{}) != nil:
			fmt.Fprint(sess, "\r\n"+s.cat.T("server.crashed")+"\r\n")
		case stopping:
			fmt.Fprint(sess, "\r\n"+s.cat.T("server.goodbye")+"\r\n")
		}
	}
}

type panickedKey struct{}

// safeModel ends only its own session when the UI panics: the panic is
// logged with its stack on the server, and the user gets a line that says
// what happened, not the stack.
type safeModel struct {
	inner tea.Model
	sess  ssh.Session
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
		user := "?"
		if u, ok := m.sess.Context().Value(userKey{}).(data.User); ok {
			user = u.Name
		}
		m.s.log.Error("session panicked", "user", user, "panic", r, "stack", string(debug.Stack()))
		m.sess.Context().SetValue(panickedKey{}, true)
		*cmd = tea.Quit
		if p, ok := m.sess.Context().Value(programKey{}).(*tea.Program); ok {
			go p.Quit() // a panic in View has no command to return
		}
	}
}

// Sessions is the number of open sessions.
func (s *Server) Sessions() int { return int(s.sessions.Load()) }
