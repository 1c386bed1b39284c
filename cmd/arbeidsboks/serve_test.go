package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"arbeidsboks/internal/testtool"

	"golang.org/x/crypto/ssh"
)

var listening = regexp.MustCompile(`lytter på (\S+) \(vertsnøkkel (SHA256:\S+)\)`)

// served is `arbeidsboks serve` running as its own process.
type served struct {
	cmd         *exec.Cmd
	addr        string
	fingerprint string
	exited      chan error
}

func startServe(t *testing.T, bin string, args ...string) *served {
	t.Helper()
	cmd := exec.Command(bin, append(args, "serve", "--listen", "127.0.0.1:0")...)
	cmd.Env = append(os.Environ(), "ARBEIDSBOKS_LANG=nb")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &served{cmd: cmd, exited: make(chan error, 1)}
	lines := bufio.NewScanner(stderr)
	found := make(chan []string, 1)
	go func() {
		for lines.Scan() {
			if m := listening.FindStringSubmatch(lines.Text()); m != nil {
				found <- m
				break
			}
		}
		io.Copy(io.Discard, stderr)
		s.exited <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case m := <-found:
		s.addr, s.fingerprint = m[1], m[2]
	case err := <-s.exited:
		t.Fatalf("serve ended before listening: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve never said where it listens")
	}
	return s
}

// stop sends sig and waits for the process to end, which it must do by
// itself, with status 0.
func (s *served) stop(t *testing.T, sig os.Signal) {
	t.Helper()
	start := time.Now()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.exited:
		if err != nil {
			t.Fatalf("serve after %v: %v, want exit status 0", sig, err)
		}
		t.Logf("serve ended %v after %v", time.Since(start).Round(time.Millisecond), sig)
	case <-time.After(10 * time.Second):
		t.Fatalf("serve did not end after %v", sig)
	}
}

// TestServe_StopsGracefullyAndKeepsItsHostKey runs the real binary as an
// office would: a demo database, a user added with their .pub file, the
// server started, the user connected with OpenSSH; SIGTERM says goodbye to
// the session and ends the process; a second start reuses the host key.
func TestServe_StopsGracefullyAndKeepsItsHostKey(t *testing.T) {
	sshBin := testtool.Program(t, "ssh", "openssh-client")
	bin := buildBinary(t)
	c := newCLI(t)
	db := c.path("office.db")
	c.ok("--db", db, "demo", "--seed", "1")

	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "kari@nav")
	if err != nil {
		t.Fatal(err)
	}
	keyPath := c.write("id_ed25519", string(pem.EncodeToMemory(block)))
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	pub := c.write("id_ed25519.pub", string(ssh.MarshalAuthorizedKey(signer.PublicKey())))
	c.ok("--db", db, "users", "add", "--name", "Kari", "--role", "jobbspesialist", "--key", pub)

	hostKey := c.path("host_ed25519")
	first := startServe(t, bin, "--db", db, "--host-key", hostKey)
	if info, err := os.Stat(hostKey); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key %s: %v %v, want mode 0600", hostKey, info.Mode(), err)
	}
	out, err := exec.Command("ssh-keygen", "-l", "-f", hostKey).CombinedOutput()
	if err == nil && !strings.Contains(string(out), first.fingerprint) {
		t.Errorf("serve printed %s; ssh-keygen says %s", first.fingerprint, out)
	}

	host, port, _ := strings.Cut(first.addr, ":")
	term := testtool.NewTmux(t).Open("main", 100, 30, []string{sshBin, "-F", "/dev/null", "-o", "BatchMode=yes",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-i", keyPath, "-p", port, "-tt", host})
	term.Expect("Kari (jobbspesialist)", "1 Arbeidsboks")
	first.stop(t, syscall.SIGTERM)
	term.Expect("arbeidsboks-serveren stopper. Ha det!", "[exited")

	second := startServe(t, bin, "--db", db, "--host-key", hostKey)
	if second.fingerprint != first.fingerprint {
		t.Errorf("host key changed between starts: %s, then %s", first.fingerprint, second.fingerprint)
	}
	second.stop(t, syscall.SIGINT)
}
