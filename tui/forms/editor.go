// Package forms holds the record forms of the terminal UI: new and edit
// placement, new and edit candidate, and marking a candidate unavailable
// until a date. They are huh forms inside the application: every field is
// checked as it is typed by the data package's one validator (the one
// imports use), the message stands under the field in the user's language,
// nothing is saved until the record is valid, and a record someone else
// changed meanwhile is never overwritten: the form shows what changed and
// reloads onto the new version with the user's edits kept.
package forms

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// Kind is the kind of record a form edits.
type Kind int

// The kinds of record.
const (
	PlacementKind Kind = iota
	CandidateKind
)

type fieldKind int

const (
	input fieldKind = iota
	text
	choice
	multi
)

// fieldSpec is one field of a form: a column of the record, or a picker
// that sets one or more columns (the Norwegian level's two parts, the
// requirements).
type fieldSpec struct {
	name    string
	kind    fieldKind
	options []huh.Option[string]
	// suggest gives completions for what is typed (nil: none).
	suggest func(value string) []string
	// grid shows the schedule typed as a week grid under the field.
	grid bool
}

type groupSpec struct {
	title  string // catalogue key
	fields []fieldSpec
}

// Messages the editor sends itself; each names its editor, since every
// screen sees every message.
type (
	savedMsg struct {
		e   *Editor
		id  int64
		ref string
		err error
	}
	conflictMsg struct {
		e         *Editor
		placement data.Placement
		candidate data.Candidate
		err       error
	}
	refreshMsg struct{}
)

// Editor is one open form.
type Editor struct {
	c      *common.Common
	kind   Kind
	title  string
	groups []groupSpec
	// basePlacement or baseCandidate is the version the form was opened on
	// (the defaults for a new record): fields the form does not show keep
	// its values, and its version is what the save is checked against.
	basePlacement data.Placement
	baseCandidate data.Candidate
	// opened is the text of each field as opened: what "changed" means.
	opened map[string]string
	str    map[string]*string
	multi  map[string]*[]string

	form     *huh.Form
	first    huh.Field
	last     huh.Field
	setDesc  map[string]func(string)
	shown    map[string]string
	inputs   map[string]*huh.Input
	suggest  map[string]func(string) []string
	suggFor  map[string]string
	problems []*data.FieldError

	confirm  bool
	conflict *conflict
	busy     bool
	note     string
	noteErr  bool
	closed   bool
	result   string
	savedID  int64
	width    int
	height   int
	keys     Keys
	// moving is the field a tab, shift+tab or enter is leaving: huh moves
	// focus through messages, so keys typed before the move lands wait in
	// ahead, or they would go to the field being left.
	moving  huh.Field
	movedAt time.Time
	ahead   []tea.KeyMsg
	// hints give the text under a field from what is typed (an employer
	// known or new); the catalogue's "form.hint.<field>" otherwise.
	hints map[string]func(string) string
}

// Keys are the keys of an open form.
type Keys struct {
	Next, Prev, Save, Close, Complete, Reload, Yes, No key.Binding
}

func newKeys(c *common.Common) Keys {
	return Keys{
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T("form.key.next"))),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", c.T("form.key.prev"))),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", c.T("form.key.save"))),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("form.key.close"))),
		Complete: key.NewBinding(key.WithKeys("ctrl+e", "right"), key.WithHelp("ctrl+e/→", c.T("form.key.complete"))),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("form.key.reload"))),
		Yes:      key.NewBinding(key.WithKeys("j", "y"), key.WithHelp("j", c.T("form.key.discard"))),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", c.T("form.key.keep_editing"))),
	}
}

func newEditor(c *common.Common, kind Kind, title string, groups []groupSpec) *Editor {
	return &Editor{c: c, kind: kind, title: title, groups: groups, keys: newKeys(c),
		str: map[string]*string{}, multi: map[string]*[]string{}, shown: map[string]string{},
		suggFor: map[string]string{}, hints: map[string]func(string) string{}}
}

// Closed reports whether the form is done (saved or discarded).
func (e *Editor) Closed() bool { return e.closed }

// Result is what to tell the user once the form closed ("" when discarded),
// and the id of the saved record.
func (e *Editor) Result() (string, int64) { return e.result, e.savedID }

// fieldNames lists the form's fields in order.
func (e *Editor) fieldNames() []string {
	var names []string
	for _, g := range e.groups {
		for _, f := range g.fields {
			names = append(names, f.name)
		}
	}
	return names
}

// load sets the fields from a record's text.
func (e *Editor) load(texts map[string]string) {
	for _, name := range e.fieldNames() {
		if e.isMulti(name) {
			v := spreadMulti(e.kind, name, texts)
			e.multi[name] = &v
			continue
		}
		v := spreadText(e.kind, name, texts)
		e.str[name] = &v
	}
}

func (e *Editor) isMulti(name string) bool {
	for _, g := range e.groups {
		for _, f := range g.fields {
			if f.name == name {
				return f.kind == multi
			}
		}
	}
	return false
}

// texts gives the record's text as the form holds it, by column.
func (e *Editor) texts() map[string]string {
	out := map[string]string{}
	for _, name := range e.fieldNames() {
		if p, ok := e.multi[name]; ok {
			collectMulti(e.kind, name, *p, out)
			continue
		}
		collectText(e.kind, name, *e.str[name], e.str, out)
	}
	return out
}

// dirty reports whether the form holds changes not saved.
func (e *Editor) dirty() bool {
	now := e.texts()
	for k, v := range now {
		if normalize(v) != normalize(e.opened[k]) {
			return true
		}
	}
	return false
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// build makes the huh form from the fields' current values. It is built
// again when the form reloads onto a newer version.
func (e *Editor) build() {
	e.setDesc, e.inputs, e.suggest = map[string]func(string){}, map[string]*huh.Input{}, map[string]func(string) []string{}
	e.shown, e.suggFor = map[string]string{}, map[string]string{}
	e.first, e.last = nil, nil
	var groups []*huh.Group
	for _, g := range e.groups {
		var fields []huh.Field
		for _, f := range g.fields {
			fields = append(fields, e.field(f))
		}
		groups = append(groups, huh.NewGroup(fields...).Title(e.c.T(g.title)))
		if e.first == nil {
			e.first = fields[0]
		}
		e.last = fields[len(fields)-1]
	}
	km := huh.NewDefaultKeyMap()
	// ctrl+c is the application's; esc and ctrl+s are the editor's.
	km.Quit = key.NewBinding(key.WithDisabled())
	km.Input.AcceptSuggestion = e.keys.Complete
	km.Text.Editor = key.NewBinding(key.WithDisabled())
	e.form = huh.NewForm(groups...).WithTheme(Theme(e.c.Renderer)).WithKeyMap(km).
		WithShowHelp(false).WithShowErrors(false)
	e.form.WithAccessible(false)
	e.form.SubmitCmd, e.form.CancelCmd = nil, nil
	e.resize()
}

func (e *Editor) field(f fieldSpec) huh.Field {
	title := e.c.T("form." + f.name)
	switch f.kind {
	case text:
		t := huh.NewText().Title(title).Value(e.str[f.name]).Lines(4).CharLimit(data.MaxLongText + 1).ExternalEditor(false)
		e.setDesc[f.name] = func(s string) { t.Description(s) }
		return t
	case choice:
		s := huh.NewSelect[string]().Title(title).Options(f.options...).Value(e.str[f.name]).Inline(true)
		e.setDesc[f.name] = func(d string) { s.Description(d) }
		return s
	case multi:
		m := huh.NewMultiSelect[string]().Title(title).Options(f.options...).Value(e.multi[f.name])
		e.setDesc[f.name] = func(d string) { m.Description(d) }
		return m
	}
	in := huh.NewInput().Title(title).Value(e.str[f.name]).CharLimit(0)
	if e.c.Cat.Has("form.placeholder." + f.name) {
		in.Placeholder(e.c.T("form.placeholder." + f.name))
	}
	e.setDesc[f.name] = func(d string) { in.Description(d) }
	e.inputs[f.name] = in
	if f.suggest != nil {
		e.suggest[f.name] = f.suggest
	}
	return in
}

// Init starts the form.
func (e *Editor) Init() tea.Cmd {
	e.refreshDescriptions()
	return tea.Batch(e.form.Init(), e.rebuildView())
}

// SetSize gives the form its space.
func (e *Editor) SetSize(width, height int) {
	e.width, e.height = width, height
	e.resize()
}

func (e *Editor) resize() {
	if e.form == nil || e.width == 0 {
		return
	}
	e.form.WithWidth(min(e.width, 100)).WithHeight(max(3, e.height-3))
}

// Update handles keys and the editor's own messages.
func (e *Editor) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case savedMsg:
		if msg.e == e {
			return e.saved(msg)
		}
		return nil
	case conflictMsg:
		if msg.e == e {
			return e.conflicted(msg)
		}
		return nil
	case tea.KeyMsg:
		return e.key(msg)
	}
	if e.form == nil {
		return nil
	}
	_, cmd := e.form.Update(msg)
	if e.moving != nil && e.form.GetFocusedField() != e.moving {
		return tea.Batch(cmd, e.flush())
	}
	return cmd
}

// flush replays the keys typed while focus was moving.
func (e *Editor) flush() tea.Cmd {
	e.moving = nil
	ahead := e.ahead
	e.ahead = nil
	var cmds []tea.Cmd
	for _, k := range ahead {
		cmds = append(cmds, e.key(k))
	}
	return tea.Batch(cmds...)
}

// moves reports whether a key moves focus to another field.
func (e *Editor) moves(msg tea.KeyMsg) bool {
	focused := e.form.GetFocusedField()
	switch msg.Type {
	case tea.KeyTab, tea.KeyEnter:
		return focused != e.last
	case tea.KeyShiftTab:
		return focused != e.first
	}
	return false
}

func (e *Editor) key(msg tea.KeyMsg) tea.Cmd {
	if e.busy {
		return nil
	}
	if e.moving != nil {
		if time.Since(e.movedAt) < time.Second {
			e.ahead = append(e.ahead, msg)
			return nil
		}
		// The move never came: the keys that waited go where focus is,
		// then this one; none is lost.
		return tea.Sequence(e.flush(), func() tea.Msg { return msg })
	}
	if e.confirm {
		switch {
		case key.Matches(msg, e.keys.Yes):
			e.closed = true
		case key.Matches(msg, e.keys.No):
			e.confirm = false
		}
		return nil
	}
	if e.conflict != nil {
		switch {
		case key.Matches(msg, e.keys.Reload):
			e.reload()
			return e.Init()
		case key.Matches(msg, e.keys.Close):
			e.conflict = nil
		}
		return nil
	}
	switch {
	case key.Matches(msg, e.keys.Save):
		return e.save()
	case key.Matches(msg, e.keys.Close):
		if e.dirty() {
			e.confirm = true
			return nil
		}
		e.closed = true
		return nil
	case msg.Type == tea.KeyEnter && e.form.GetFocusedField() == e.last:
		return e.save()
	}
	msg, ok := cleanKey(msg, e.focusedIsText())
	if !ok {
		return nil
	}
	e.note = ""
	if e.moves(msg) {
		e.moving, e.movedAt = e.form.GetFocusedField(), time.Now()
	}
	_, cmd := e.form.Update(msg)
	return tea.Batch(cmd, e.refresh())
}

func (e *Editor) focusedIsText() bool {
	_, ok := e.form.GetFocusedField().(*huh.Text)
	return ok
}

// cleanKey removes control characters and escape sequences from typed or
// pasted text before any field sees it: what one user types is shown to
// others. Newlines and tabs stay in multi-line fields.
func cleanKey(msg tea.KeyMsg, multiline bool) (tea.KeyMsg, bool) {
	if msg.Type != tea.KeyRunes {
		return msg, true
	}
	s := string(msg.Runes)
	cleaned := data.CleanText(strings.ReplaceAll(s, "\r\n", "\n"), multiline)
	if cleaned == s {
		return msg, true
	}
	if cleaned == "" {
		return msg, false
	}
	msg.Runes = []rune(cleaned)
	return msg, true
}

// refresh checks the record after a change and puts each field's message
// under it, then lets the form draw them.
func (e *Editor) refresh() tea.Cmd {
	e.refreshSuggestions()
	if !e.refreshDescriptions() {
		return nil
	}
	return e.rebuildView()
}

func (e *Editor) rebuildView() tea.Cmd {
	_, cmd := e.form.Update(refreshMsg{})
	return cmd
}

func (e *Editor) refreshSuggestions() {
	for name, fn := range e.suggest {
		v := *e.str[name]
		if e.suggFor[name] == v {
			continue
		}
		e.suggFor[name] = v
		e.inputs[name].Suggestions(fn(v))
	}
}

// refreshDescriptions validates the record and sets the text under every
// field; it reports whether any changed.
func (e *Editor) refreshDescriptions() bool {
	texts := e.texts()
	e.problems = e.check(texts)
	byField := map[string]*data.FieldError{}
	for _, p := range e.problems {
		name := fieldOf(e.kind, p.Column)
		if _, seen := byField[name]; !seen {
			byField[name] = p
		}
	}
	changed := false
	for _, g := range e.groups {
		for _, f := range g.fields {
			d := e.describe(f, byField[f.name], texts)
			if e.shown[f.name] != d || e.shown[f.name] == "" && d == "" {
				if e.shown[f.name] != d {
					changed = true
				}
				e.shown[f.name] = d
				e.setDesc[f.name](d)
			}
		}
	}
	return changed
}

// describe is the text under a field: what is wrong and what is expected,
// or what is expected and (for a schedule) the week it gives.
func (e *Editor) describe(f fieldSpec, p *data.FieldError, texts map[string]string) string {
	st := e.c.Styles
	hint := ""
	if e.c.Cat.Has("form.hint." + f.name) {
		hint = e.c.T("form.hint." + f.name)
	}
	if fn := e.hints[f.name]; fn != nil && p == nil {
		if h := fn(*e.str[f.name]); h != "" {
			hint = h
		}
	}
	if p != nil {
		msg := st.Error.Render("✗ " + common.ProblemText(e.c.Cat, p))
		if hint != "" {
			msg += "\n" + st.Faint.Render(hint)
		}
		return msg
	}
	if f.grid {
		if sched, hours, ok := e.schedule(f.name, texts); ok {
			return st.Faint.Render(hint) + "\n" + st.Good.Render(e.c.Hours(hours)+" "+e.c.T("form.per_week")) + "\n" + common.WeekGrid(st, sched, nil)
		}
	}
	return st.Faint.Render(hint)
}

// check validates the record the form holds, through the data package.
func (e *Editor) check(texts map[string]string) []*data.FieldError {
	if e.kind == PlacementKind {
		_, problems := data.PlacementFromText(e.basePlacement, texts, classification(e.c))
		return problems
	}
	_, problems := data.CandidateFromText(e.baseCandidate, texts, classification(e.c))
	return problems
}

// save stores the record if it is valid; the store checks that nobody
// changed it since it was opened.
func (e *Editor) save() tea.Cmd {
	texts := e.texts()
	e.refreshDescriptions()
	if len(e.problems) > 0 {
		e.note, e.noteErr = e.c.T("form.not_saved", len(e.problems), e.c.T("form."+fieldOf(e.kind, e.problems[0].Column))), true
		return e.rebuildView()
	}
	e.busy, e.note, e.noteErr = true, e.c.T("form.saving"), false
	store, ctx := e.c.Store, e.c.Ctx
	if e.kind == PlacementKind {
		p, _ := data.PlacementFromText(e.basePlacement, texts, classification(e.c))
		return func() tea.Msg {
			err := store.WithTx(ctx, func(tx data.Tx) error { return tx.SavePlacement(ctx, &p) })
			return savedMsg{e: e, id: p.ID, ref: p.Ref, err: err}
		}
	}
	c, _ := data.CandidateFromText(e.baseCandidate, texts, classification(e.c))
	return func() tea.Msg {
		err := store.WithTx(ctx, func(tx data.Tx) error { return tx.SaveCandidate(ctx, &c) })
		return savedMsg{e: e, id: c.ID, ref: c.Ref, err: err}
	}
}

func (e *Editor) saved(msg savedMsg) tea.Cmd {
	e.busy = false
	switch {
	case msg.err == nil:
		e.closed, e.savedID = true, msg.id
		e.result = e.c.T("form.saved", msg.ref)
		return nil
	case errors.Is(msg.err, data.ErrStale):
		e.note, e.noteErr = "", false
		return e.readStored()
	}
	lines := common.DescribeError(e.c.Cat, msg.err)
	if errors.Is(msg.err, data.ErrExists) {
		lines = []string{e.c.T("form.ref_taken", msg.ref)}
	}
	e.note, e.noteErr = strings.Join(lines, "; "), true
	return nil
}

// readStored reads the version someone else saved, for the conflict view.
func (e *Editor) readStored() tea.Cmd {
	store, ctx := e.c.Store, e.c.Ctx
	if e.kind == PlacementKind {
		id := e.basePlacement.ID
		return func() tea.Msg {
			p, err := store.Placement(ctx, id)
			return conflictMsg{e: e, placement: p, err: err}
		}
	}
	id := e.baseCandidate.ID
	return func() tea.Msg {
		c, err := readCandidate(ctx, store, id)
		return conflictMsg{e: e, candidate: c, err: err}
	}
}

// readCandidate reads a person's whole record for a form; opening it is
// logged like any opening of the record.
func readCandidate(ctx context.Context, store data.Store, id int64) (data.Candidate, error) {
	return store.OpenCandidate(ctx, id)
}

func (e *Editor) conflicted(msg conflictMsg) tea.Cmd {
	if msg.err != nil {
		e.note, e.noteErr = strings.Join(common.DescribeError(e.c.Cat, msg.err), "; "), true
		return nil
	}
	e.conflict = e.newConflict(msg.placement, msg.candidate)
	return nil
}

// reload puts the form onto the stored version, with the user's own edits
// on top of it.
func (e *Editor) reload() {
	cf := e.conflict
	e.conflict = nil
	mine := e.texts()
	merged := maps.Clone(cf.stored)
	for k, v := range mine {
		if normalize(v) != normalize(e.opened[k]) {
			merged[k] = v
		}
	}
	if e.kind == PlacementKind {
		e.basePlacement = cf.storedPlacement
	} else {
		e.baseCandidate = cf.storedCandidate
	}
	e.opened = cf.stored
	e.load(merged)
	e.build()
	e.note, e.noteErr = e.c.T("form.reloaded"), false
}

// schedule parses a schedule field for the preview.
func (e *Editor) schedule(name string, texts map[string]string) (matching.Schedule, float64, bool) {
	s, err := matching.ParseSchedule(data.CleanText(texts[name], false))
	if err != nil || s.IsEmpty() {
		return s, 0, false
	}
	return s, s.Hours(), true
}

// View draws the form, or the conflict view, with its title and a line for
// what happened.
func (e *Editor) View() string {
	st := e.c.Styles
	head := st.Title.Render(data.CleanText(e.title, false))
	if e.conflict != nil {
		return head + "\n\n" + e.conflict.view(e)
	}
	body := e.form.View()
	if e.confirm {
		body = st.Dialog.Render(st.Title.Render(e.c.T("form.discard_question"))+"\n"+
			st.Help.Render(e.c.T("form.discard_keys"))) + "\n" + body
	}
	note := ""
	if e.note != "" {
		if e.noteErr {
			note = st.Error.Render(e.note)
		} else {
			note = st.Status.Render(e.note)
		}
	}
	return head + "\n" + body + "\n" + common.Fit(note, e.width)
}

// ShortHelp lists the keys that work now.
func (e *Editor) ShortHelp() []key.Binding {
	switch {
	case e.confirm:
		return []key.Binding{e.keys.Yes, e.keys.No}
	case e.conflict != nil:
		return []key.Binding{e.keys.Reload, e.keys.Close}
	}
	keys := []key.Binding{e.keys.Next, e.keys.Prev, e.keys.Save, e.keys.Close}
	if f, ok := e.form.GetFocusedField().(*huh.Input); ok {
		for name, in := range e.inputs {
			if in == f && e.suggest[name] != nil {
				keys = append(keys, e.keys.Complete)
			}
		}
	}
	return keys
}

// FullHelp lists every key of the form.
func (e *Editor) FullHelp() [][]key.Binding {
	return [][]key.Binding{{e.keys.Next, e.keys.Prev, e.keys.Save, e.keys.Close, e.keys.Complete}, {e.keys.Reload}}
}

// options makes picker options from stored values, named in the user's
// language; "" is named as none.
func (e *Editor) options(values []string) []huh.Option[string] {
	out := make([]huh.Option[string], len(values))
	for i, v := range values {
		label := e.c.Enum(v)
		if e.c.Cat.Has("form.option." + v) {
			label = e.c.T("form.option." + v)
		}
		out[i] = huh.NewOption(label, v)
	}
	return out
}

func withCurrent(values []string, current string) []string {
	if current != "" && !slices.Contains(values, current) {
		return append(slices.Clone(values), current)
	}
	return values
}
