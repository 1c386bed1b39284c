// Package data is the office's store: the domain records (placements,
// candidates, utplasseringer, users), the Store interface the rest of the
// program speaks to, import and export, validation, and the audit and change
// feed rules. Implementations live in sub-packages (data/sqlite); nothing
// above this package sees SQL.
package data

import (
	"time"

	"arbeidsboks/matching"
)

// DefaultOffice is the office every record belongs to until a county store
// holds several.
const DefaultOffice = "kontor"

// Role is what a user may see and do.
type Role string

// The roles of an office.
const (
	RoleSpecialist Role = "jobbspesialist"
	RoleMarket     Role = "markedskontakt"
	RoleLead       Role = "leder"
)

// Roles lists the roles in the order they are offered.
var Roles = []Role{RoleSpecialist, RoleMarket, RoleLead}

// Actor is who a store acts for: the user of a session or command. Every
// read is shaped by the actor's role and every write is audited in their name.
type Actor struct {
	UserID int64 // 0 for the built-in local team lead
	Name   string
	Role   Role
	Office string
}

// LocalLead is the built-in team lead a local session acts as on a database
// that has no users yet.
func LocalLead() Actor {
	return Actor{Name: "lokal", Role: RoleLead, Office: DefaultOffice}
}

// Sector is who runs an employer.
type Sector string

// The sectors; the empty sector means unknown.
const (
	SectorMunicipal Sector = "kommunal"
	SectorPrivate   Sector = "privat"
	SectorState     Sector = "statlig"
	SectorVoluntary Sector = "frivillig"
)

// Sectors lists the known sectors.
var Sectors = []Sector{SectorMunicipal, SectorPrivate, SectorState, SectorVoluntary}

// PlacementStatus says whether a placement takes proposals.
type PlacementStatus string

// The placement statuses; only active placements take proposals.
const (
	PlacementActive PlacementStatus = "aktiv"
	PlacementPaused PlacementStatus = "pause"
	PlacementClosed PlacementStatus = "avsluttet"
)

// PlacementStatuses lists the placement statuses.
var PlacementStatuses = []PlacementStatus{PlacementActive, PlacementPaused, PlacementClosed}

// Adaptation is a kind of tilrettelegging a candidate needs or a placement offers.
type Adaptation string

// The four adaptation categories.
const (
	AdaptHours    Adaptation = "arbeidstid"
	AdaptPhysical Adaptation = "fysisk"
	AdaptWorkday  Adaptation = "arbeidshverdagen"
	AdaptLanguage Adaptation = "språk"
)

// Adaptations lists the adaptation categories.
var Adaptations = []Adaptation{AdaptHours, AdaptPhysical, AdaptWorkday, AdaptLanguage}

// KnownMeasures are the measures (tiltak) offered first; the list is open.
var KnownMeasures = []string{"arbeidstrening", "arbeidspraksis", "lønnstilskudd", "arbeid med bistand", "VTA", "mentor", "annet"}

// Date is a calendar day written YYYY-MM-DD; "" means no date. Dates in this
// form compare correctly as strings.
type Date string

// Today is the current day in the office's time zone.
func Today() Date { return DateOf(time.Now()) }

// DateOf is the day of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(time.DateOnly)) }

// Placement is a work-training placement (praksisplass) with seats at an employer.
type Placement struct {
	ID       int64
	Office   string
	Ref      string
	Title    string
	Employer string
	Sector   Sector
	District string
	Measure  string
	Seats    int
	// Taken is the number of seat-holding utplasseringer; read-only.
	Taken                     int
	NorwegianMin              matching.Norwegian
	NorwegianHard             bool
	SkillsRequired            []string
	SkillsTrained             []string
	LanguagesValued           []string
	Schedule                  matching.Schedule
	MinHoursWeek              float64
	RequiresPoliceCertificate bool
	RequiresDriversLicense    bool
	AdaptationsOffered        []Adaptation
	ContactName               string
	ContactPhone              string
	ContactEmail              string
	Description               string
	Status                    PlacementStatus
	Occupations               []string
	Version                   int64
	Created, Updated          time.Time
}

// FreeSeats is the number of seats not held by an utplassering (never below 0).
func (p Placement) FreeSeats() int { return max(p.Seats-p.Taken, 0) }

// Programme is why a candidate is followed up.
type Programme string

// The programmes.
const (
	ProgrammeKVP      Programme = "KVP"
	ProgrammeIPS      Programme = "IPS"
	ProgrammeActivity Programme = "aktivitetsplikt"
	ProgrammeIntro    Programme = "introprogram"
	ProgrammeAAP      Programme = "AAP"
	ProgrammeOther    Programme = "annet"
)

// KVPHoursWeek is the target of the qualification programme: full time.
const KVPHoursWeek = 37.5

// Programmes lists the programmes.
var Programmes = []Programme{ProgrammeKVP, ProgrammeIPS, ProgrammeActivity, ProgrammeIntro, ProgrammeAAP, ProgrammeOther}

// CandidateStatus is where a candidate is in the office's process.
type CandidateStatus string

// The candidate statuses.
const (
	CandidateNew        CandidateStatus = "ny"
	CandidateAssessment CandidateStatus = "kartlegging"
	CandidateReady      CandidateStatus = "klar"
	CandidatePlaced     CandidateStatus = "utplassert"
	CandidateClosed     CandidateStatus = "avsluttet"
)

// CandidateStatuses lists the candidate statuses.
var CandidateStatuses = []CandidateStatus{CandidateNew, CandidateAssessment, CandidateReady, CandidatePlaced, CandidateClosed}

// Candidate is a person who needs a placement.
type Candidate struct {
	ID                   int64
	Office               string
	Ref                  string
	Name                 string
	Programme            Programme
	Specialist           string
	District             string
	Norwegian            matching.Norwegian
	OtherLanguages       []string
	Skills               []string
	Goals                []string
	Availability         matching.Schedule
	TargetHoursWeek      *float64 // nil: no target
	HasPoliceCertificate bool
	HasDriversLicense    bool
	AdaptationNeeds      []Adaptation
	SectorPreference     []Sector
	Notes                string
	Status               CandidateStatus
	UnavailableUntil     Date
	Registered           Date
	GoalOccupations      []string
	// Contact details and the free-text detail of the adaptation needs are
	// kept by forms, not by the file formats.
	Phone            string
	Email            string
	AdaptationDetail string
	// Erased is set once the person's data was erased: the record is an
	// anonymous stub that keeps counts right.
	Erased bool
	// Restricted is set when the reader's role may not see the whole record:
	// the personal fields above the matching ones are then left empty.
	Restricted       bool
	Version          int64
	Created, Updated time.Time
}

// ShapeCandidate leaves out of a candidate what the role may not see: a
// market contact sees only what matching needs (ref, name, programme,
// district, Norwegian level, skills, goals, availability, adaptation
// categories, status), never notes, contact details, adaptation detail or
// history.
func ShapeCandidate(role Role, c Candidate) Candidate {
	if role != RoleMarket {
		return c
	}
	return Candidate{
		ID: c.ID, Office: c.Office, Ref: c.Ref, Name: c.Name, Programme: c.Programme,
		District: c.District, Norwegian: c.Norwegian, Skills: c.Skills, Goals: c.Goals,
		Availability: c.Availability, AdaptationNeeds: c.AdaptationNeeds, Status: c.Status,
		GoalOccupations: c.GoalOccupations, Erased: c.Erased, Restricted: true, Version: c.Version,
		Created: c.Created, Updated: c.Updated,
	}
}

// UnavailableOn reports whether the candidate is temporarily unavailable on day.
func (c Candidate) UnavailableOn(day Date) bool {
	return c.UnavailableUntil != "" && day < c.UnavailableUntil
}

// Status of an utplassering: the pipeline from proposal to end.
type Status string

// The utplassering statuses in pipeline order.
const (
	StatusProposed    Status = "foreslått"
	StatusContacted   Status = "kontaktet"
	StatusMeeting     Status = "avklaringsmøte"
	StatusStarted     Status = "startet"
	StatusCompleted   Status = "fullført"
	StatusCancelled   Status = "avbrutt"
	StatusNotSuitable Status = "ikke aktuell"
)

// Statuses lists the utplassering statuses in pipeline order.
var Statuses = []Status{StatusProposed, StatusContacted, StatusMeeting, StatusStarted, StatusCompleted, StatusCancelled, StatusNotSuitable}

// HoldsSeat reports whether an utplassering in this status takes a seat.
func (s Status) HoldsSeat() bool {
	switch s {
	case StatusProposed, StatusContacted, StatusMeeting, StatusStarted:
		return true
	}
	return false
}

// IsEnd reports whether the status ends an utplassering (and needs a reason).
func (s Status) IsEnd() bool {
	return s == StatusCompleted || s == StatusCancelled || s == StatusNotSuitable
}

// EndReason is why an utplassering ended.
type EndReason string

// The end reasons, counted per placement and employer in reports.
const (
	ReasonJob          EndReason = "fått jobb"
	ReasonEducation    EndReason = "begynt på utdanning"
	ReasonSick         EndReason = "syk"
	ReasonNoShow       EndReason = "møter ikke opp"
	ReasonNotInterest  EndReason = "ikke interessert"
	ReasonPlacementEnd EndReason = "plassen avsluttet"
	ReasonOther        EndReason = "annet"
)

// EndReasons lists the end reasons.
var EndReasons = []EndReason{ReasonJob, ReasonEducation, ReasonSick, ReasonNoShow, ReasonNotInterest, ReasonPlacementEnd, ReasonOther}

// Utplassering places a candidate in a placement, from proposal to end.
type Utplassering struct {
	ID           int64
	Office       string
	CandidateID  int64
	PlacementID  int64
	CandidateRef string // read-only, for display
	PlacementRef string // read-only, for display
	Status       Status
	EndReason    EndReason
	Note         string
	Pinned       bool
	// Score is the match score in tenths when the proposal was made.
	Score            int
	CreatedBy        string
	Version          int64
	Created, Updated time.Time
}

// ShapeUtplassering leaves out what a market contact may not see of a
// person's utplassering: the free-text note, and an end reason that speaks
// of their health.
func ShapeUtplassering(role Role, u Utplassering) Utplassering {
	if role == RoleMarket {
		u.Note, u.EndReason = "", marketReason(u.EndReason)
	}
	return u
}

// ShapeStatusEvent is ShapeUtplassering for one step of the history.
func ShapeStatusEvent(role Role, e StatusEvent) StatusEvent {
	if role == RoleMarket {
		e.Note, e.Reason = "", marketReason(e.Reason)
	}
	return e
}

func marketReason(reason EndReason) EndReason {
	if reason == ReasonSick {
		return ReasonOther
	}
	return reason
}

// StatusEvent is one step in an utplassering's history.
type StatusEvent struct {
	ID             int64
	UtplasseringID int64
	From, To       Status
	Reason         EndReason
	Note           string
	By             string
	At             time.Time
}

// User is a person who may use the program, with the SSH keys they log in with.
type User struct {
	ID      int64
	Office  string
	Name    string
	Role    Role
	Active  bool
	Keys    []string // authorized_keys lines
	Version int64
	Created time.Time
}

// Actor is the user as a store actor.
func (u User) Actor() Actor {
	return Actor{UserID: u.ID, Name: u.Name, Role: u.Role, Office: u.Office}
}

// SkillTerm is one term of the skills taxonomy with its broader term and
// synonyms, and the STYRK-08 codes it names where it names an occupation.
type SkillTerm struct {
	Term        string
	Broader     string
	Synonyms    []string
	Occupations []string
}

// AuditEntry is one row of the append-only audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64
	Actor    string
	Action   string // create, update, delete, read, erase, import
	Entity   string // placement, candidate, utplassering, user, …
	EntityID int64
	// Before and After hold the changed fields as JSON objects ("" when none).
	Before, After string
}

// The audit actions.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
	ActionRead   = "read"
	ActionErase  = "erase"
)

// The kinds of records, as audit entries and changes name them.
const (
	EntityPlacement    = "placement"
	EntityCandidate    = "candidate"
	EntityUtplassering = "utplassering"
	EntityUser         = "user"
	EntityTaxonomy     = "taxonomy"
	EntityEmployer     = "employer"
	EntityMeeting      = "meeting"
)

// Change is one committed change as the feed announces it: what kind of
// record and which, never its content.
type Change struct {
	Seq    int64
	Entity string
	ID     int64
	Action string
}
