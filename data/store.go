package data

import (
	"context"
	"errors"
)

// Errors callers branch on. Implementations map their driver's errors to
// these in one place.
var (
	ErrNotFound  = errors.New("not found")
	ErrStale     = errors.New("changed by someone else since it was read")
	ErrForbidden = errors.New("not allowed for this role")
	ErrNoSeat    = errors.New("no free seat")
	ErrInactive  = errors.New("placement does not take proposals")
	ErrHasSeat   = errors.New("candidate already holds a seat")
	// ErrCandidateClosed: the candidate's status is avsluttet.
	ErrCandidateClosed = errors.New("candidate is closed")
	ErrExists          = errors.New("already exists")
	ErrSchema          = errors.New("database schema is newer than this program")
	// ErrErased: the person's data is erased; the record stays only as an
	// anonymous count, and nothing personal may be written to it again.
	ErrErased = errors.New("the person's data is erased")
)

// Reader is what can be read from a store. Every read is shaped by the
// store's actor: a market contact gets candidates without their personal
// fields (Restricted set).
type Reader interface {
	// Placements lists the placements the filter selects, ordered by ref
	// (or as the filter says), one page at a time.
	Placements(ctx context.Context, f PlacementFilter) ([]Placement, error)
	// CountPlacements counts what Placements would list without paging.
	CountPlacements(ctx context.Context, f PlacementFilter) (int, error)
	Placement(ctx context.Context, id int64) (Placement, error)
	PlacementByRef(ctx context.Context, ref string) (Placement, error)

	Candidates(ctx context.Context, f CandidateFilter) ([]Candidate, error)
	CountCandidates(ctx context.Context, f CandidateFilter) (int, error)
	// Candidate reads one candidate without logging it: for lists and
	// look-ups. Use OpenCandidate to show a person's whole record.
	Candidate(ctx context.Context, id int64) (Candidate, error)
	CandidateByRef(ctx context.Context, ref string) (Candidate, error)
	// CandidatesForMatching gives every candidate with all that scoring
	// uses, whatever the actor's role: scoring is done inside the store's
	// trust, and what a role may not see is left out of what it is shown.
	// Notes and contact details are never included.
	CandidatesForMatching(ctx context.Context) ([]Candidate, error)

	Utplasseringer(ctx context.Context, f UtplasseringFilter) ([]Utplassering, error)
	Utplassering(ctx context.Context, id int64) (Utplassering, error)
	History(ctx context.Context, utplasseringID int64) ([]StatusEvent, error)

	Employers(ctx context.Context) ([]string, error)
	Users(ctx context.Context) ([]User, error)
	UserByName(ctx context.Context, name string) (User, error)
	// UserByKey finds the active or inactive user who owns a public key
	// (an authorized_keys line; the comment is ignored).
	UserByKey(ctx context.Context, key string) (User, error)
	SkillTerms(ctx context.Context) ([]SkillTerm, error)
	// Audit lists audit entries, newest first; team leads only.
	Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	Meetings
	OccupationReads
}

// Tx is a unit of work: reads see its own writes, and everything in it is
// committed together (with its audit entries and changes) or not at all.
type Tx interface {
	Reader
	MeetingWrites
	OccupationWrites

	// SavePlacement creates the placement (ID 0) or updates it; an update
	// whose Version is not the stored one fails with ErrStale. On success
	// the ID, Version and times are set.
	SavePlacement(ctx context.Context, p *Placement) error
	// SaveCandidate is SavePlacement for candidates.
	SaveCandidate(ctx context.Context, c *Candidate) error
	// Propose creates an utplassering in status foreslått; it fails with
	// ErrNoSeat, ErrInactive or ErrHasSeat when the rules do not allow it.
	Propose(ctx context.Context, candidateID, placementID int64, score int) (Utplassering, error)
	// Move takes an utplassering to another status; an ending status needs a reason.
	Move(ctx context.Context, id, version int64, to Status, reason EndReason, note string) (Utplassering, error)
	// Pin marks an utplassering as the team's decision (or unmarks it).
	Pin(ctx context.Context, id, version int64, pinned bool) (Utplassering, error)

	AddUser(ctx context.Context, u *User) error
	AddKey(ctx context.Context, name, key string) error
	DeactivateUser(ctx context.Context, name string) error
	// ReplaceSkillTerms sets the whole skills taxonomy.
	ReplaceSkillTerms(ctx context.Context, terms []SkillTerm) error
	// EraseCandidate removes a person's data (team leads only): name,
	// contact details, notes, the free-text adaptation detail, the lists
	// that describe them (languages, skills, goals, availability) and the
	// notes on their utplasseringer and the meeting comments about them;
	// the ref is replaced by an anonymous
	// one, and the values of every audit entry about them are cleared. The
	// record stays as an anonymous stub (programme, status, dates,
	// utplasseringer) so that counts hold. The erasure is audited without
	// personal data, and the store makes sure the text does not linger in
	// its files.
	EraseCandidate(ctx context.Context, id int64) error
	// Reset deletes every placement, candidate, employer and utplassering
	// (users, taxonomy and the audit log stay); team leads only.
	Reset(ctx context.Context) error
}

// Store is the office's data as one actor sees it.
type Store interface {
	Reader
	// WithTx runs fn in one write transaction and commits when it returns
	// nil. The feed announces its changes after the commit.
	WithTx(ctx context.Context, fn func(tx Tx) error) error
	// OpenCandidate reads a candidate's whole record and logs that the
	// actor read it.
	OpenCandidate(ctx context.Context, id int64) (Candidate, error)
	// Subscribe announces every change committed from now on, by any
	// session or process, until ctx ends.
	Subscribe(ctx context.Context) <-chan Change
	// Actor is who this store acts for.
	Actor() Actor
	// Location names the database for people ("arbeidsboks.db").
	Location() string
}

// Page selects a part of a list ordered by ref: the rows whose ref sorts
// after After (the last ref of the previous page, "" for the first), at most
// Limit of them (0: all).
type Page struct {
	After string
	Limit int
}

// PlacementFilter selects placements.
type PlacementFilter struct {
	Text     string // in ref, title or employer, any case
	Status   []PlacementStatus
	Sector   []Sector
	District string
	Measure  string
	FreeOnly bool
	Page
}

// CandidateFilter selects candidates.
type CandidateFilter struct {
	Text       string // in ref or name, any case
	Status     []CandidateStatus
	Programme  []Programme
	District   string
	Specialist string
	Page
}

// UtplasseringFilter selects utplasseringer.
type UtplasseringFilter struct {
	CandidateID int64
	PlacementID int64
	Status      []Status
	SeatHolding bool
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Actor    string
	Entity   string
	EntityID int64
	// WithUtplasseringer adds, to a candidate's or a placement's entries,
	// those of its utplasseringer (also ones since deleted): who proposed
	// the person where, and who moved it on.
	WithUtplasseringer bool
	From, To           Date
	Limit              int
}
