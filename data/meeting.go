package data

import (
	"context"
	"slices"
	"strings"
	"time"
)

// MeetingStatus says whether a triage meeting (inntaksmøte) is running.
type MeetingStatus string

// The meeting statuses.
const (
	MeetingRunning MeetingStatus = "pågår"
	MeetingEnded   MeetingStatus = "avsluttet"
)

// Decision is what a meeting decided for one candidate.
type Decision string

// The decisions; the empty decision means not yet decided.
const (
	DecisionProposed Decision = "foreslått"   // proposed for a placement: an utplassering
	DecisionDeferred Decision = "utsatt"      // deferred to the next meeting
	DecisionSkipped  Decision = "hoppet over" // skipped this time
)

// Meeting is a triage meeting: a queue of candidates that the team goes
// through one at a time, the chair deciding, everyone following. Its state
// lives in the store, so every session in it sees the same.
type Meeting struct {
	ID           int64
	Office       string
	Title        string
	Status       MeetingStatus
	Chair        string // the user who decides
	Current      int    // the position the chair is at
	Started      time.Time
	Ended        time.Time
	Version      int64
	Items        []MeetingItem // in queue order
	Participants []string      // who joined, the chair first
}

// MeetingItem is one candidate in a meeting's queue and what was decided.
type MeetingItem struct {
	ID             int64
	Position       int
	CandidateID    int64
	CandidateRef   string
	Decision       Decision
	PlacementID    int64 // the placement proposed
	PlacementRef   string
	UtplasseringID int64
	Score          int // tenths, of the proposed pair
	// Suggested is the placement the optimal allocation gave this
	// candidate, for the team to accept or change.
	SuggestedID    int64
	SuggestedScore int
	Comment        string
	DecidedBy      string
	DecidedAt      time.Time
}

// Suggestion is the optimal allocation's placement for one queue item.
type Suggestion struct {
	ItemID, PlacementID int64
	Score               int
}

// Meetings is what the store does with meetings. Only the chair changes a
// running meeting; anyone may join and follow it.
type Meetings interface {
	// Meetings lists the office's meetings, the newest first, without items.
	Meetings(ctx context.Context) ([]Meeting, error)
	// Meeting reads one meeting with its queue and participants.
	Meeting(ctx context.Context, id int64) (Meeting, error)
}

// MeetingWrites are the changes to meetings, inside a transaction.
type MeetingWrites interface {
	// StartMeeting opens a meeting with the actor as chair and the given
	// candidates as its queue.
	StartMeeting(ctx context.Context, title string, candidateIDs []int64) (Meeting, error)
	// JoinMeeting adds the actor to the participants.
	JoinMeeting(ctx context.Context, id int64) error
	// AddToMeeting puts a candidate at the end of the queue.
	AddToMeeting(ctx context.Context, id, candidateID int64) error
	// RemoveFromMeeting takes an undecided candidate out of the queue.
	RemoveFromMeeting(ctx context.Context, itemID int64) error
	// MoveInMeeting moves a queue item up (delta < 0) or down.
	MoveInMeeting(ctx context.Context, itemID int64, delta int) error
	// SetMeetingCurrent moves the chair (and everyone following) to a position.
	SetMeetingCurrent(ctx context.Context, id int64, position int) error
	// Decide records a decision for a queue item. A proposal creates the
	// utplassering (foreslått), audited like any other.
	Decide(ctx context.Context, itemID int64, decision Decision, placementID int64, score int) error
	// CommentMeetingItem sets the comment on a queue item.
	CommentMeetingItem(ctx context.Context, itemID int64, comment string) error
	// UndoDecision takes back the meeting's last decision; a proposal's
	// utplassering is deleted, so the seat is free again.
	UndoDecision(ctx context.Context, id int64) (MeetingItem, error)
	// SuggestInMeeting records the optimal allocation's suggestions for
	// undecided items, replacing earlier ones.
	SuggestInMeeting(ctx context.Context, id int64, suggestions []Suggestion) error
	// HandOver makes another participant the chair.
	HandOver(ctx context.Context, id int64, to string) error
	// EndMeeting closes the meeting; its minutes stay in the store.
	EndMeeting(ctx context.Context, id int64) error
}

// ErrNotChair refuses a change to a meeting by someone who is not its chair.
var ErrNotChair = errNotChair{}

type errNotChair struct{}

func (errNotChair) Error() string { return "only the chair decides" }

// DefaultQueue is the queue a triage meeting starts with: the candidates
// open for a placement (ny, kartlegging, klar) who hold no seat and are
// available today, the longest waiting first (then by ref).
func DefaultQueue(candidates []*Candidate, holdsSeat func(candidateID int64) bool, today Date) []int64 {
	var queue []*Candidate
	for _, c := range candidates {
		if eligibleStatus(*c, today) && !holdsSeat(c.ID) {
			queue = append(queue, c)
		}
	}
	slices.SortStableFunc(queue, func(a, b *Candidate) int {
		if a.Registered != b.Registered {
			return strings.Compare(string(a.Registered), string(b.Registered))
		}
		return strings.Compare(a.Ref, b.Ref)
	})
	ids := make([]int64, len(queue))
	for i, c := range queue {
		ids[i] = c.ID
	}
	return ids
}
