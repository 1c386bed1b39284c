package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/matching/occupation"
	"arbeidsboks/tui/i18n"

	"github.com/spf13/cobra"
)

// taxonomyCommand groups the commands on occupations: STYRK-08 with NAV's
// categories and job titles.
func (a *app) taxonomyCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "taxonomy",
		Short: a.cat.T("cli.taxonomy.short"),
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(a.taxonomyImportCommand(), a.taxonomyExportCommand(), a.taxonomyResolveCommand())
	return cmd
}

func (a *app) taxonomyImportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: a.cat.T("cli.taxonomy.import.short"),
		Long:  a.cat.T("cli.taxonomy.import.long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			content, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			kind, res, err := data.ImportOccupations(cmd.Context(), s, content)
			if err != nil {
				return a.importFailed("taxonomy", err)
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.taxonomy.import.done", a.cat.T("cli.taxonomy.kind."+kind),
				res.Created, res.Updated, res.Unchanged, res.Titles))
			return nil
		},
	}
}

func (a *app) taxonomyExportCommand() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: a.cat.T("cli.taxonomy.export.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := data.Format(format)
			if f != data.CSV && f != data.JSON {
				return a.usage(cmd, "cli.error.taxonomy_format", format)
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := data.ExportOccupations(cmd.Context(), s, f, &buf); err != nil {
				return err
			}
			return a.writeOut(out, buf.Bytes())
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", a.cat.T("flag.taxonomy_format"))
	cmd.Flags().StringVar(&out, "out", "", a.cat.T("flag.out"))
	return cmd
}

// resolvedJSON is one text resolved, as --json writes it.
type resolvedJSON struct {
	Query   string             `json:"query"`
	Results []occupation.Match `json:"results"`
}

func (a *app) taxonomyResolveCommand() *cobra.Command {
	var top int
	var asJSON, occupationsOnly bool
	cmd := &cobra.Command{
		Use:   "resolve TEXT",
		Short: a.cat.T("cli.taxonomy.resolve.short"),
		Long: a.cat.T("cli.taxonomy.resolve.long", strconv.FormatFloat(occupation.Confident, 'f', -1, 64),
			strconv.FormatFloat(occupation.ConfidentMargin, 'f', -1, 64)),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if top < 1 {
				return a.usage(cmd, "cli.error.top")
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			load := data.LoadClassification
			if occupationsOnly {
				load = data.LoadOccupationsOnly
			}
			cls, err := load(cmd.Context(), s)
			if err != nil {
				return err
			}
			if cls.UnitGroups() == 0 {
				return fmt.Errorf("%s", a.cat.T("cli.taxonomy.none"))
			}
			texts := []string{args[0]}
			if args[0] == "-" {
				// One text a line from standard input: many look-ups for
				// the price of one start.
				texts = texts[:0]
				sc := bufio.NewScanner(a.stdin)
				sc.Buffer(make([]byte, 64*1024), 1024*1024)
				for sc.Scan() {
					texts = append(texts, sc.Text())
				}
				if err := sc.Err(); err != nil {
					return err
				}
			}
			w := bufio.NewWriter(a.stdout)
			for _, text := range texts {
				// Two at least, to tell whether the first stands out.
				matches := cls.Resolve(text, max(top, 2))
				confident := occupation.IsConfident(matches)
				matches = matches[:min(top, len(matches))]
				if err := a.writeResolved(w, text, matches, confident, asJSON, len(texts) > 1); err != nil {
					return err
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().IntVar(&top, "top", 5, a.cat.T("flag.top"))
	cmd.Flags().BoolVar(&asJSON, "json", false, a.cat.T("flag.json"))
	cmd.Flags().BoolVar(&occupationsOnly, "occupations-only", false, a.cat.T("flag.occupations-only"))
	return cmd
}

// writeResolved writes one text's matches: JSON (one object a line when
// there are many texts), or a line per match with its score, the first
// marked when it is confident enough to be taken on import.
func (a *app) writeResolved(w *bufio.Writer, text string, matches []occupation.Match, confident, asJSON, many bool) error {
	if matches == nil {
		matches = []occupation.Match{}
	}
	if asJSON {
		if many {
			b, err := json.Marshal(resolvedJSON{Query: text, Results: matches})
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s\n", b)
			return err
		}
		return writeJSON(w, resolvedJSON{Query: text, Results: matches})
	}
	if many {
		fmt.Fprintf(w, "%s\n", text)
	}
	if len(matches) == 0 {
		fmt.Fprintln(w, a.cat.T("cli.taxonomy.no_match"))
	}
	for i, m := range matches {
		mark := " "
		if i == 0 && confident {
			mark = "*"
		}
		score := fmt.Sprintf("%.2f", m.Score)
		if a.cat.Lang() == i18n.NB {
			score = strings.Replace(score, ".", ",", 1)
		}
		fmt.Fprintf(w, "%s %s  %s  %s\n", mark, m.Code, score, m.Name)
	}
	return nil
}
