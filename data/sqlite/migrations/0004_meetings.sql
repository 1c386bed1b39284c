-- Triage meetings (inntaksmøter): a queue of candidates, the decisions made
-- for them, and who took part. The state of a running meeting lives here so
-- that every session in it sees the same.

CREATE TABLE meetings (
    id      INTEGER PRIMARY KEY,
    office  TEXT NOT NULL,
    title   TEXT NOT NULL,
    status  TEXT NOT NULL CHECK (status IN ('pågår', 'avsluttet')),
    chair   TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0,
    started TEXT NOT NULL,
    ended   TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meeting_participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    name       TEXT NOT NULL,
    joined     TEXT NOT NULL,
    PRIMARY KEY (meeting_id, name)
);

-- decision_seq orders the decisions, so that undo takes back the last one.
-- utplassering_id has no foreign key: undoing a proposal deletes it.
CREATE TABLE meeting_items (
    id                     INTEGER PRIMARY KEY,
    meeting_id             INTEGER NOT NULL REFERENCES meetings (id),
    position               INTEGER NOT NULL,
    candidate_id           INTEGER NOT NULL REFERENCES candidates (id),
    decision               TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'foreslått', 'utsatt', 'hoppet over')),
    placement_id           INTEGER REFERENCES placements (id),
    utplassering_id        INTEGER,
    score                  INTEGER NOT NULL DEFAULT 0,
    suggested_placement_id INTEGER REFERENCES placements (id),
    suggested_score        INTEGER NOT NULL DEFAULT 0,
    comment                TEXT NOT NULL DEFAULT '',
    decided_by             TEXT NOT NULL DEFAULT '',
    decided_at             TEXT NOT NULL DEFAULT '',
    decision_seq           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_items_meeting ON meeting_items (meeting_id, position);
CREATE INDEX meeting_items_candidate ON meeting_items (candidate_id);
