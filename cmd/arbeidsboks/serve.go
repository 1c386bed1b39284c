package main

import (
	"context"
	"fmt"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"arbeidsboks/server"

	"github.com/spf13/cobra"
)

func (a *app) serveCommand() *cobra.Command {
	cfg := server.Config{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: a.cat.T("cli.serve.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.open(cmd); err != nil {
				return err
			}
			if cfg.HostKeyPath == "" {
				dir, err := dataDir()
				if err != nil {
					return err
				}
				cfg.HostKeyPath = filepath.Join(dir, "host_ed25519")
			}
			weights, err := a.weights(cmd, "")
			if err != nil {
				return err
			}
			cfg.Weights, cfg.Lang = weights, a.cat.Lang()
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			srv, err := server.New(ctx, a.db, cfg)
			if err != nil {
				return err
			}
			l, err := srv.Listen()
			if err != nil {
				return err
			}
			fingerprint, err := srv.Fingerprint()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stderr, a.cat.T("cli.serve.listening", l.Addr(), fingerprint))
			done := make(chan error, 1)
			go func() { done <- srv.Serve(l) }()
			select {
			case err := <-done:
				return err
			case <-ctx.Done():
			}
			shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return srv.Shutdown(shutdown)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", ":23234", a.cat.T("flag.listen"))
	f.StringVar(&cfg.HostKeyPath, "host-key", "", a.cat.T("flag.host_key"))
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", 30*time.Minute, a.cat.T("flag.idle_timeout"))
	f.IntVar(&cfg.MaxSessions, "max-sessions", 0, a.cat.T("flag.max_sessions"))
	f.IntVar(&cfg.MaxAuthFailures, "max-auth-failures", 20, a.cat.T("flag.max_auth_failures"))
	return cmd
}
