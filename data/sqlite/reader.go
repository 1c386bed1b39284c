package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// queryer is what reads need: the read pool outside a transaction, the
// transaction inside one.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reader implements data.Reader for one actor over a queryer.
type reader struct {
	q     queryer
	actor data.Actor
}

const seatHolding = `('foreslått', 'kontaktet', 'avklaringsmøte', 'startet')`

const placementSelect = `SELECT p.id, p.office, p.ref, p.title, e.name, p.sector, p.district, p.measure, p.seats,
	(SELECT count(*) FROM utplasseringer u WHERE u.placement_id = p.id AND u.status IN ` + seatHolding + `),
	p.norwegian_oral, p.norwegian_written, p.norwegian_hard, p.skills_required, p.skills_trained,
	p.languages_valued, p.schedule, p.min_hours_week, p.requires_police_certificate,
	p.requires_drivers_license, p.adaptations_offered, p.contact_name, p.contact_phone,
	p.contact_email, p.description, p.status, p.occupations, p.version, p.created, p.updated
	FROM placements p JOIN employers e ON e.id = p.employer_id`

func scanPlacement(row interface{ Scan(...any) error }, s *scanner) (data.Placement, error) {
	var p data.Placement
	var oral, written int
	var skillsRequired, skillsTrained, languages, schedule, adaptations, occupations, created, updated string
	err := row.Scan(&p.ID, &p.Office, &p.Ref, &p.Title, &p.Employer, &p.Sector, &p.District, &p.Measure,
		&p.Seats, &p.Taken, &oral, &written, &p.NorwegianHard, &skillsRequired, &skillsTrained,
		&languages, &schedule, &p.MinHoursWeek, &p.RequiresPoliceCertificate,
		&p.RequiresDriversLicense, &adaptations, &p.ContactName, &p.ContactPhone,
		&p.ContactEmail, &p.Description, &p.Status, &occupations, &p.Version, &created, &updated)
	if err != nil {
		return p, err
	}
	p.NorwegianMin = matching.Norwegian{Oral: matching.Level(oral), Written: matching.Level(written)}
	s.err = nil
	p.SkillsRequired = s.list(skillsRequired)
	p.SkillsTrained = s.list(skillsTrained)
	p.LanguagesValued = s.list(languages)
	p.AdaptationsOffered = listOf[data.Adaptation](s.list(adaptations))
	p.Occupations = s.list(occupations)
	p.Schedule = s.schedule(schedule)
	p.Created, p.Updated = s.time(created), s.time(updated)
	return p, s.err
}

const candidateSelect = `SELECT id, office, ref, name, programme, specialist, district, norwegian_oral,
	norwegian_written, other_languages, skills, goals, availability, target_hours_week,
	has_police_certificate, has_drivers_license, adaptation_needs, sector_preference, notes,
	status, unavailable_until, registered, goal_occupations, phone, email, adaptation_detail,
	erased, version, created, updated FROM candidates`

func scanCandidate(row interface{ Scan(...any) error }, s *scanner) (data.Candidate, error) {
	var c data.Candidate
	var oral, written int
	var languages, skills, goals, availability, adaptations, sectors, occupations, created, updated string
	var target sql.NullFloat64
	err := row.Scan(&c.ID, &c.Office, &c.Ref, &c.Name, &c.Programme, &c.Specialist, &c.District,
		&oral, &written, &languages, &skills, &goals, &availability, &target,
		&c.HasPoliceCertificate, &c.HasDriversLicense, &adaptations, &sectors, &c.Notes,
		&c.Status, &c.UnavailableUntil, &c.Registered, &occupations, &c.Phone, &c.Email,
		&c.AdaptationDetail, &c.Erased, &c.Version, &created, &updated)
	if err != nil {
		return c, err
	}
	c.Norwegian = matching.Norwegian{Oral: matching.Level(oral), Written: matching.Level(written)}
	if target.Valid {
		c.TargetHoursWeek = &target.Float64
	}
	s.err = nil
	c.OtherLanguages = s.list(languages)
	c.Skills = s.list(skills)
	c.Goals = s.list(goals)
	c.AdaptationNeeds = listOf[data.Adaptation](s.list(adaptations))
	c.SectorPreference = listOf[data.Sector](s.list(sectors))
	c.GoalOccupations = s.list(occupations)
	c.Availability = s.schedule(availability)
	c.Created, c.Updated = s.time(created), s.time(updated)
	return c, s.err
}

// scanner decodes the text forms of stored values, keeping the first
// error. It remembers the schedules and words it has decoded: an office has
// a few hundred different schedules and skills over many thousand rows, and
// sharing them saves both the parsing and the memory.
type scanner struct {
	err       error
	schedules map[string]matching.Schedule
	words     map[string]string
}

func (s *scanner) list(text string) []string {
	if text == "[]" || text == "" {
		return nil
	}
	out, ok := fastList(text)
	if !ok {
		if err := json.Unmarshal([]byte(text), &out); err != nil && s.err == nil {
			s.err = fmt.Errorf("stored list %q: %w", text, err)
		}
	}
	if s.words != nil {
		for i, w := range out {
			if shared, ok := s.words[w]; ok {
				out[i] = shared
			} else {
				s.words[w] = w
			}
		}
	}
	return out
}

// fastList reads a JSON array of plain strings (no escapes) without the
// reflection of encoding/json; anything else is left to it.
func fastList(text string) ([]string, bool) {
	if len(text) < 2 || text[0] != '[' || text[len(text)-1] != ']' || strings.IndexByte(text, '\\') >= 0 {
		return nil, false
	}
	var out []string
	rest := text[1 : len(text)-1]
	for len(rest) > 0 {
		if rest[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return nil, false
		}
		out = append(out, rest[1:1+end])
		rest = rest[2+end:]
		if len(rest) > 0 {
			if rest[0] != ',' {
				return nil, false
			}
			rest = rest[1:]
		}
	}
	return out, true
}

func (s *scanner) schedule(text string) matching.Schedule {
	if sch, ok := s.schedules[text]; ok {
		return sch
	}
	sch, err := matching.ParseSchedule(text)
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("stored schedule %q: %w", text, err)
	}
	if s.schedules != nil {
		s.schedules[text] = sch
	}
	return sch
}

func (s *scanner) time(text string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("stored time %q: %w", text, err)
	}
	return t
}

// newScanner is a scanner that shares what it decodes across rows.
func newScanner() *scanner {
	return &scanner{schedules: map[string]matching.Schedule{}, words: map[string]string{}}
}

func listOf[V ~string](items []string) []V {
	if items == nil {
		return nil
	}
	out := make([]V, len(items))
	for i, it := range items {
		out[i] = V(it)
	}
	return out
}

// where collects the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(column string, values []string) {
	if len(values) == 0 {
		return
	}
	w.add(column+" IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", ")+")", anys(values)...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func anys[V ~string](vs []V) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func strs[V ~string](vs []V) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// searchText is what the text filter looks in: lower case, so that æøå
// compare without case too.
func searchText(parts ...string) string { return strings.ToLower(strings.Join(parts, "\x1f")) }

func likePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(strings.TrimSpace(text))) + "%"
}

func (r reader) placementWhere(f data.PlacementFilter, paged bool) *where {
	w := &where{}
	w.add("p.office = ?", r.actor.Office)
	if f.Text != "" {
		w.add(`p.search LIKE ? ESCAPE '\'`, likePattern(f.Text))
	}
	w.in("p.status", strs(f.Status))
	w.in("p.sector", strs(f.Sector))
	if f.District != "" {
		w.add("p.district = ?", f.District)
	}
	if f.Measure != "" {
		w.add("p.measure = ?", f.Measure)
	}
	if f.FreeOnly {
		w.add("p.seats > (SELECT count(*) FROM utplasseringer u WHERE u.placement_id = p.id AND u.status IN " + seatHolding + ")")
	}
	if paged && f.After != "" {
		w.add("p.ref > ?", f.After)
	}
	return w
}

func (r reader) Placements(ctx context.Context, f data.PlacementFilter) ([]data.Placement, error) {
	w := r.placementWhere(f, true)
	query := placementSelect + w.sql() + " ORDER BY p.ref" + limit(f.Limit)
	rows, err := r.q.QueryContext(ctx, query, w.args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := make([]data.Placement, 0, r.sizeHint(ctx, "placements", f.Limit))
	sc := newScanner()
	for rows.Next() {
		p, err := scanPlacement(rows, sc)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, mapError(rows.Err())
}

func (r reader) CountPlacements(ctx context.Context, f data.PlacementFilter) (int, error) {
	w := r.placementWhere(f, false)
	var n int
	err := r.q.QueryRowContext(ctx, "SELECT count(*) FROM placements p"+w.sql(), w.args...).Scan(&n)
	return n, mapError(err)
}

// sizeHint guesses how many rows a list will have, so that a big list is
// allocated once instead of grown and copied.
func (r reader) sizeHint(ctx context.Context, table string, limit int) int {
	if limit > 0 {
		return limit
	}
	var n int
	_ = r.q.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE office = ?", r.actor.Office).Scan(&n)
	return min(n, 1_000_000)
}

func limit(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" LIMIT %d", n)
}

func (r reader) Placement(ctx context.Context, id int64) (data.Placement, error) {
	p, err := scanPlacement(r.q.QueryRowContext(ctx, placementSelect+" WHERE p.id = ? AND p.office = ?", id, r.actor.Office), &scanner{})
	return p, mapError(err)
}

func (r reader) PlacementByRef(ctx context.Context, ref string) (data.Placement, error) {
	p, err := scanPlacement(r.q.QueryRowContext(ctx, placementSelect+" WHERE p.ref = ? AND p.office = ?", ref, r.actor.Office), &scanner{})
	return p, mapError(err)
}

func (r reader) candidateWhere(f data.CandidateFilter, paged bool) *where {
	w := &where{}
	w.add("office = ?", r.actor.Office)
	if f.Text != "" {
		w.add(`search LIKE ? ESCAPE '\'`, likePattern(f.Text))
	}
	w.in("status", strs(f.Status))
	w.in("programme", strs(f.Programme))
	if f.District != "" {
		w.add("district = ?", f.District)
	}
	if f.Specialist != "" {
		w.add("specialist = ?", f.Specialist)
	}
	if paged && f.After != "" {
		w.add("ref > ?", f.After)
	}
	return w
}

func (r reader) Candidates(ctx context.Context, f data.CandidateFilter) ([]data.Candidate, error) {
	w := r.candidateWhere(f, true)
	rows, err := r.q.QueryContext(ctx, candidateSelect+w.sql()+" ORDER BY ref"+limit(f.Limit), w.args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := make([]data.Candidate, 0, r.sizeHint(ctx, "candidates", f.Limit))
	sc := newScanner()
	for rows.Next() {
		c, err := scanCandidate(rows, sc)
		if err != nil {
			return nil, err
		}
		out = append(out, r.shape(c))
	}
	return out, mapError(rows.Err())
}

func (r reader) CandidatesForMatching(ctx context.Context) ([]data.Candidate, error) {
	rows, err := r.q.QueryContext(ctx, candidateSelect+" WHERE office = ? ORDER BY ref", r.actor.Office)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.Candidate
	sc := newScanner()
	for rows.Next() {
		c, err := scanCandidate(rows, sc)
		if err != nil {
			return nil, err
		}
		c.Notes, c.Phone, c.Email, c.AdaptationDetail = "", "", "", ""
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

func (r reader) CountCandidates(ctx context.Context, f data.CandidateFilter) (int, error) {
	w := r.candidateWhere(f, false)
	var n int
	err := r.q.QueryRowContext(ctx, "SELECT count(*) FROM candidates"+w.sql(), w.args...).Scan(&n)
	return n, mapError(err)
}

func (r reader) Candidate(ctx context.Context, id int64) (data.Candidate, error) {
	c, err := r.fullCandidate(ctx, id)
	return r.shape(c), err
}

func (r reader) fullCandidate(ctx context.Context, id int64) (data.Candidate, error) {
	c, err := scanCandidate(r.q.QueryRowContext(ctx, candidateSelect+" WHERE id = ? AND office = ?", id, r.actor.Office), &scanner{})
	return c, mapError(err)
}

func (r reader) CandidateByRef(ctx context.Context, ref string) (data.Candidate, error) {
	c, err := scanCandidate(r.q.QueryRowContext(ctx, candidateSelect+" WHERE ref = ? AND office = ?", ref, r.actor.Office), &scanner{})
	return r.shape(c), mapError(err)
}

// shape leaves out of a candidate what the actor's role may not see.
func (r reader) shape(c data.Candidate) data.Candidate { return data.ShapeCandidate(r.actor.Role, c) }

const utplasseringSelect = `SELECT u.id, u.office, u.candidate_id, u.placement_id, c.ref, p.ref, u.status,
	u.end_reason, u.note, u.pinned, u.score, u.created_by, u.version, u.created, u.updated
	FROM utplasseringer u JOIN candidates c ON c.id = u.candidate_id JOIN placements p ON p.id = u.placement_id`

func scanUtplassering(row interface{ Scan(...any) error }) (data.Utplassering, error) {
	var u data.Utplassering
	var created, updated string
	err := row.Scan(&u.ID, &u.Office, &u.CandidateID, &u.PlacementID, &u.CandidateRef, &u.PlacementRef,
		&u.Status, &u.EndReason, &u.Note, &u.Pinned, &u.Score, &u.CreatedBy, &u.Version, &created, &updated)
	if err != nil {
		return u, err
	}
	var s scanner
	u.Created, u.Updated = s.time(created), s.time(updated)
	return u, s.err
}

func (r reader) Utplasseringer(ctx context.Context, f data.UtplasseringFilter) ([]data.Utplassering, error) {
	w := &where{}
	w.add("u.office = ?", r.actor.Office)
	if f.CandidateID != 0 {
		w.add("u.candidate_id = ?", f.CandidateID)
	}
	if f.PlacementID != 0 {
		w.add("u.placement_id = ?", f.PlacementID)
	}
	w.in("u.status", strs(f.Status))
	if f.SeatHolding {
		w.add("u.status IN " + seatHolding)
	}
	rows, err := r.q.QueryContext(ctx, utplasseringSelect+w.sql()+" ORDER BY u.id", w.args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.Utplassering
	for rows.Next() {
		u, err := scanUtplassering(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r.shapeUtplassering(u))
	}
	return out, mapError(rows.Err())
}

func (r reader) Utplassering(ctx context.Context, id int64) (data.Utplassering, error) {
	u, err := scanUtplassering(r.q.QueryRowContext(ctx, utplasseringSelect+" WHERE u.id = ? AND u.office = ?", id, r.actor.Office))
	return r.shapeUtplassering(u), mapError(err)
}

func (r reader) shapeUtplassering(u data.Utplassering) data.Utplassering {
	return data.ShapeUtplassering(r.actor.Role, u)
}

func (r reader) History(ctx context.Context, id int64) ([]data.StatusEvent, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT e.id, e.utplassering_id, e.from_status, e.to_status, e.reason,
		e.note, e.by_name, e.at FROM utplassering_events e JOIN utplasseringer u ON u.id = e.utplassering_id
		WHERE e.utplassering_id = ? AND u.office = ? ORDER BY e.id`, id, r.actor.Office)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.StatusEvent
	for rows.Next() {
		var e data.StatusEvent
		var at string
		if err := rows.Scan(&e.ID, &e.UtplasseringID, &e.From, &e.To, &e.Reason, &e.Note, &e.By, &at); err != nil {
			return nil, err
		}
		var s scanner
		e.At = s.time(at)
		if s.err != nil {
			return nil, s.err
		}
		e = data.ShapeStatusEvent(r.actor.Role, e)
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}

func (r reader) Employers(ctx context.Context) ([]string, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT name FROM employers WHERE office = ? ORDER BY name COLLATE NOCASE`, r.actor.Office)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, mapError(rows.Err())
}

func (r reader) SkillTerms(ctx context.Context) ([]data.SkillTerm, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT term, broader, synonyms, occupations FROM skill_terms ORDER BY term`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.SkillTerm
	for rows.Next() {
		var t data.SkillTerm
		var synonyms, occupations string
		if err := rows.Scan(&t.Term, &t.Broader, &synonyms, &occupations); err != nil {
			return nil, err
		}
		var s scanner
		t.Synonyms, t.Occupations = s.list(synonyms), s.list(occupations)
		if s.err != nil {
			return nil, s.err
		}
		out = append(out, t)
	}
	return out, mapError(rows.Err())
}

func (r reader) Audit(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	if r.actor.Role != data.RoleLead {
		return nil, data.ErrForbidden
	}
	w := &where{}
	w.add("office = ?", r.actor.Office)
	if f.Actor != "" {
		w.add("actor = ?", f.Actor)
	}
	switch column := utplasseringColumn[f.Entity]; {
	case f.WithUtplasseringer && f.EntityID != 0 && column != "":
		// An utplassering's create entry names its candidate and
		// placement, so that one deleted since is found too.
		w.add(`(entity = ? AND entity_id = ? OR entity = ? AND entity_id IN (
			SELECT id FROM utplasseringer WHERE `+column+` = ?
			UNION SELECT entity_id FROM audit WHERE entity = ? AND action = ? AND json_extract(after, ?) = ?))`,
			f.Entity, f.EntityID, data.EntityUtplassering, f.EntityID,
			data.EntityUtplassering, data.ActionCreate, "$."+f.Entity, f.EntityID)
	default:
		if f.Entity != "" {
			w.add("entity = ?", f.Entity)
		}
		if f.EntityID != 0 {
			w.add("entity_id = ?", f.EntityID)
		}
	}
	if f.From != "" {
		w.add("at >= ?", string(f.From))
	}
	if f.To != "" {
		w.add("at < ?", string(f.To)+"T99") // through the end of that day
	}
	return r.auditRows(ctx, w, f.Limit)
}

// utplasseringColumn is the column of utplasseringer that names a record
// of the entity.
var utplasseringColumn = map[string]string{data.EntityCandidate: "candidate_id", data.EntityPlacement: "placement_id"}

func (r reader) auditRows(ctx context.Context, w *where, n int) ([]data.AuditEntry, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT id, at, user_id, actor, action, entity, entity_id, before, after
		FROM audit`+w.sql()+" ORDER BY id DESC"+limit(n), w.args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.AuditEntry
	for rows.Next() {
		var e data.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After); err != nil {
			return nil, err
		}
		var s scanner
		e.At = s.time(at)
		if s.err != nil {
			return nil, s.err
		}
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}
