// Command arbeidsboks keeps the office's work-training placements and
// candidates and matches them: a terminal UI locally or over SSH, and
// subcommands for import, export, users, matching and backups.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // Norway's zone, also where the host has no zone files

	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	useOfficeZone()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// officeZone is the zone the office's dates and times are in when the
// host names none.
const officeZone = "Europe/Oslo"

// useOfficeZone makes the office's zone the local one on a host that has
// none (no TZ, no /etc/localtime: a container, where Go falls back on
// UTC), so that the audit log's times and today's date are Norway's. A
// host that names a zone, UTC included, keeps it.
func useOfficeZone() {
	if _, set := os.LookupEnv("TZ"); set {
		return
	}
	if _, err := os.Stat("/etc/localtime"); err == nil {
		return
	}
	if loc, err := time.LoadLocation(officeZone); err == nil {
		time.Local = loc
	}
}

// run is the whole program short of the process: arguments in, exit status
// out. Errors are written to stderr as one line per problem, never a trace.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang, err := i18n.ParseLang(langFrom(args))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	a := &app{cat: i18n.New(lang), stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err = root.ExecuteContext(ctx)
	a.close()
	if err == nil {
		return exitOK
	}
	var usage *usageError
	if !errors.As(err, &usage) && isCobraUsage(err) {
		usage = &usageError{command: "arbeidsboks", msg: err.Error()}
	}
	if usage != nil {
		fmt.Fprintln(stderr, usage.Error())
		fmt.Fprintln(stderr, a.cat.T("cli.error.usage_hint", usage.command))
		return exitUsage
	}
	var reported *reportedError
	if errors.As(err, &reported) {
		return exitError
	}
	for _, line := range common.DescribeError(a.cat, err) {
		fmt.Fprintln(stderr, line)
	}
	return exitError
}

// langFrom finds --lang before the commands are built, so that their help
// is in the chosen language too; ARBEIDSBOKS_LANG is the default.
func langFrom(args []string) string {
	for i, arg := range args {
		if arg == "--" {
			break
		}
		if arg == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			return v
		}
	}
	return os.Getenv("ARBEIDSBOKS_LANG")
}

// isCobraUsage recognises the usage mistakes cobra reports by itself rather
// than through the flag error hook: a missing required flag, an unknown
// command.
func isCobraUsage(err error) bool {
	for _, prefix := range []string{"required flag", "unknown command", "unknown flag", "unknown shorthand flag", "invalid argument", "flag needs an argument"} {
		if strings.HasPrefix(err.Error(), prefix) {
			return true
		}
	}
	return false
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct {
	command string
	msg     string
}

func (e *usageError) Error() string { return e.msg }

// reportedError is an error already written to stderr in full.
type reportedError struct{ err error }

func (e *reportedError) Error() string { return e.err.Error() }
func (e *reportedError) Unwrap() error { return e.err }
