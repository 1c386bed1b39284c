// Package testtool finds what tests need outside Go: programs such as tmux,
// ssh or python3 with scipy, and the shared real-world data beside the
// module. Outside CI a missing piece skips the test with a message that says
// what to install; with CI=true it fails the test instead, so that CI never
// passes by skipping.
package testtool

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true).
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing skips the test, or fails it in CI, explaining what is absent and
// how to get it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is missing in CI (install: %s)", what, install)
	}
	t.Skipf("%s is missing; install %s to run this test", what, install)
}

// Program returns the path of a program on PATH, or skips (fails in CI)
// naming the Debian package that provides it.
func Program(t testing.TB, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, "the Debian package "+debianPackage)
	}
	return path
}

// Python3WithScipy returns /usr/bin/python3 when it can import scipy
// (Debian's python3-scipy installs for that interpreter), or skips (fails
// in CI).
func Python3WithScipy(t testing.TB) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import scipy.optimize, scipy.sparse.csgraph").Run(); err != nil {
		Missing(t, "python3 with scipy", "the Debian package python3-scipy")
	}
	return python
}

// ModuleRoot is the folder holding go.mod, found upwards from the test's
// working directory.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// SharedData returns the path of a file or folder in the shared data beside
// the module (../shared/data/<rel> from the module root), or skips (fails in
// CI) when it is absent.
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	path := filepath.Join(ModuleRoot(t), "..", "shared", "data", rel)
	if _, err := os.Stat(path); err != nil {
		Missing(t, "shared data "+filepath.ToSlash(filepath.Join("shared", "data", rel)), "the shared data folder beside the module")
	}
	return path
}

// SharedCSV reads a CSV file of the shared data (see SharedData): its
// records after the header.
func SharedCSV(t testing.TB, rel string) [][]string {
	t.Helper()
	f, err := os.Open(SharedData(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	if len(records) == 0 {
		t.Fatalf("%s: no header", rel)
	}
	return records[1:]
}

// FirstMissing is the first of the texts the screen does not show, "" when
// it shows them all.
func FirstMissing(screen string, texts ...string) string {
	for _, text := range texts {
		if !strings.Contains(screen, text) {
			return text
		}
	}
	return ""
}
