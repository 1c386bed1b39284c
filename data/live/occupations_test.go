package live

import (
	"context"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// A taxonomy import by another process gives the next snapshot the
// classification, so that the Match tab compares occupations by it.
func TestOffice_ImportedOccupationsReachTheSnapshot(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	office, path := openOffice(ctx, t)
	watch := office.Watch(ctx)
	if office.Snapshot().Occupations != nil {
		t.Fatal("a new database has occupations")
	}
	other := openFile(ctx, t, path)
	klass := `{"classificationItems": [
		{"code": "9", "level": "1", "name": "Renholdere, hjelpearbeidere mv.", "parentCode": ""},
		{"code": "91", "level": "2", "name": "Renholdere mv.", "parentCode": "9"},
		{"code": "911", "level": "3", "name": "Renholdere", "parentCode": "91"},
		{"code": "9112", "level": "4", "name": "Renholdere i virksomheter", "parentCode": "911"}]}`
	if _, _, err := data.ImportOccupations(ctx, other.As(data.LocalLead()), []byte(klass)); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case snap := <-watch:
			if snap.Occupations.UnitGroups() == 1 {
				if m := office.Matching(snap, matching.DefaultWeights(), "2026-11-23"); m.Occupations == nil {
					t.Fatal("matching over the snapshot lacks the classification")
				}
				return
			}
		case <-deadline:
			t.Fatal("the snapshot never got the imported occupations")
		}
	}
}
