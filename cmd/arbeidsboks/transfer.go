package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"

	"github.com/spf13/cobra"
)

func (a *app) importCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import placements|candidates FILE",
		Short: a.cat.T("cli.import.short"),
		Long:  a.cat.T("cli.import.long"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, path := args[0], args[1]
			if kind != "placements" && kind != "candidates" {
				return a.usage(cmd, "cli.error.kind", kind)
			}
			format, ok := data.FormatOf(path)
			if !ok {
				return a.importFailed(kind, &data.ValidationError{Problems: []*data.FieldError{{Value: filepath.Base(path), Code: data.CodeFormat}}})
			}
			content, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			var res data.ImportResult
			if kind == "placements" {
				res, err = data.ImportPlacements(cmd.Context(), s, format, bytes.NewReader(content))
			} else {
				res, err = data.ImportCandidates(cmd.Context(), s, format, bytes.NewReader(content))
			}
			if err != nil {
				return a.importFailed(kind, err)
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.import.done", kind, res.Created, res.Updated, res.Unchanged))
			return nil
		},
	}
}

// importFailed writes every problem, one per line, then the summary line.
func (a *app) importFailed(kind string, err error) error {
	for _, line := range common.DescribeError(a.cat, err) {
		fmt.Fprintln(a.stderr, line)
	}
	fmt.Fprintln(a.stderr, a.cat.T("cli.import.failed", kind, common.ProblemCount(err)))
	return &reportedError{err}
}

func (a *app) exportCommand() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export placements|candidates",
		Short: a.cat.T("cli.export.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := args[0]
			if kind != "placements" && kind != "candidates" {
				return a.usage(cmd, "cli.error.kind", kind)
			}
			f := data.Format(format)
			if f != data.CSV && f != data.XLSX && f != data.JSON {
				return a.usage(cmd, "cli.error.format", format)
			}
			if f == data.XLSX && out == "" {
				return a.usage(cmd, "cli.error.xlsx_needs_out")
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if kind == "placements" {
				err = data.ExportPlacements(cmd.Context(), s, f, &buf)
			} else {
				err = data.ExportCandidates(cmd.Context(), s, f, &buf)
			}
			if err != nil {
				return err
			}
			return a.writeOut(out, buf.Bytes())
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", a.cat.T("flag.format"))
	cmd.Flags().StringVar(&out, "out", "", a.cat.T("flag.out"))
	return cmd
}

// writeOut writes to the file, whole or not at all (through a temporary
// file renamed into place), or to stdout when no file is named.
func (a *app) writeOut(path string, content []byte) error {
	if path == "" {
		_, err := a.stdout.Write(content)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".arbeidsboks-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, bytes.NewReader(content)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
