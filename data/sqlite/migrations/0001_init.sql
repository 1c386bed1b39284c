-- The office's records. Every row belongs to an office; lists are JSON
-- arrays of text; times are RFC 3339 in UTC; dates YYYY-MM-DD.

CREATE TABLE employers (
    id      INTEGER PRIMARY KEY,
    office  TEXT NOT NULL,
    name    TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE UNIQUE INDEX employers_name ON employers (office, name COLLATE NOCASE);

CREATE TABLE placements (
    id                          INTEGER PRIMARY KEY,
    office                      TEXT NOT NULL,
    ref                         TEXT NOT NULL,
    title                       TEXT NOT NULL,
    employer_id                 INTEGER NOT NULL REFERENCES employers (id),
    sector                      TEXT NOT NULL DEFAULT '',
    district                    TEXT NOT NULL DEFAULT '',
    measure                     TEXT NOT NULL DEFAULT '',
    seats                       INTEGER NOT NULL CHECK (seats >= 0),
    norwegian_oral              INTEGER NOT NULL DEFAULT 0,
    norwegian_written           INTEGER NOT NULL DEFAULT 0,
    norwegian_hard              INTEGER NOT NULL DEFAULT 0,
    skills_required             TEXT NOT NULL DEFAULT '[]',
    skills_trained              TEXT NOT NULL DEFAULT '[]',
    languages_valued            TEXT NOT NULL DEFAULT '[]',
    schedule                    TEXT NOT NULL,
    min_hours_week              REAL NOT NULL DEFAULT 0,
    requires_police_certificate INTEGER NOT NULL DEFAULT 0,
    requires_drivers_license    INTEGER NOT NULL DEFAULT 0,
    adaptations_offered         TEXT NOT NULL DEFAULT '[]',
    contact_name                TEXT NOT NULL DEFAULT '',
    contact_phone               TEXT NOT NULL DEFAULT '',
    contact_email               TEXT NOT NULL DEFAULT '',
    description                 TEXT NOT NULL DEFAULT '',
    status                      TEXT NOT NULL DEFAULT 'aktiv' CHECK (status IN ('aktiv', 'pause', 'avsluttet')),
    occupations                 TEXT NOT NULL DEFAULT '[]',
    search                      TEXT NOT NULL DEFAULT '',
    version                     INTEGER NOT NULL DEFAULT 1,
    created                     TEXT NOT NULL,
    updated                     TEXT NOT NULL,
    UNIQUE (office, ref)
);
CREATE INDEX placements_status ON placements (office, status, ref);
CREATE INDEX placements_employer ON placements (employer_id);

CREATE TABLE candidates (
    id                     INTEGER PRIMARY KEY,
    office                 TEXT NOT NULL,
    ref                    TEXT NOT NULL,
    name                   TEXT NOT NULL,
    programme              TEXT NOT NULL DEFAULT 'annet',
    specialist             TEXT NOT NULL DEFAULT '',
    district               TEXT NOT NULL DEFAULT '',
    norwegian_oral         INTEGER NOT NULL DEFAULT 0,
    norwegian_written      INTEGER NOT NULL DEFAULT 0,
    other_languages        TEXT NOT NULL DEFAULT '[]',
    skills                 TEXT NOT NULL DEFAULT '[]',
    goals                  TEXT NOT NULL DEFAULT '[]',
    availability           TEXT NOT NULL,
    target_hours_week      REAL,
    has_police_certificate INTEGER NOT NULL DEFAULT 0,
    has_drivers_license    INTEGER NOT NULL DEFAULT 0,
    adaptation_needs       TEXT NOT NULL DEFAULT '[]',
    sector_preference      TEXT NOT NULL DEFAULT '[]',
    notes                  TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'ny' CHECK (status IN ('ny', 'kartlegging', 'klar', 'utplassert', 'avsluttet')),
    unavailable_until      TEXT NOT NULL DEFAULT '',
    registered             TEXT NOT NULL DEFAULT '',
    goal_occupations       TEXT NOT NULL DEFAULT '[]',
    phone                  TEXT NOT NULL DEFAULT '',
    email                  TEXT NOT NULL DEFAULT '',
    adaptation_detail      TEXT NOT NULL DEFAULT '',
    erased                 INTEGER NOT NULL DEFAULT 0,
    search                 TEXT NOT NULL DEFAULT '',
    version                INTEGER NOT NULL DEFAULT 1,
    created                TEXT NOT NULL,
    updated                TEXT NOT NULL,
    UNIQUE (office, ref)
);
CREATE INDEX candidates_status ON candidates (office, status, ref);
CREATE INDEX candidates_programme ON candidates (office, programme, ref);

-- Candidate ↔ placement, from proposal to end. The first four statuses hold
-- a seat, and a candidate holds at most one seat.
CREATE TABLE utplasseringer (
    id           INTEGER PRIMARY KEY,
    office       TEXT NOT NULL,
    candidate_id INTEGER NOT NULL REFERENCES candidates (id),
    placement_id INTEGER NOT NULL REFERENCES placements (id),
    status       TEXT NOT NULL CHECK (status IN ('foreslått', 'kontaktet', 'avklaringsmøte', 'startet', 'fullført', 'avbrutt', 'ikke aktuell')),
    end_reason   TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    pinned       INTEGER NOT NULL DEFAULT 0,
    score        INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX utplasseringer_placement ON utplasseringer (placement_id, status);
CREATE INDEX utplasseringer_candidate ON utplasseringer (candidate_id, status);
CREATE UNIQUE INDEX utplasseringer_one_seat ON utplasseringer (candidate_id)
    WHERE status IN ('foreslått', 'kontaktet', 'avklaringsmøte', 'startet');

CREATE TABLE utplassering_events (
    id              INTEGER PRIMARY KEY,
    utplassering_id INTEGER NOT NULL REFERENCES utplasseringer (id),
    from_status     TEXT NOT NULL,
    to_status       TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    by_name         TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX utplassering_events_utplassering ON utplassering_events (utplassering_id, id);

CREATE TABLE users (
    id      INTEGER PRIMARY KEY,
    office  TEXT NOT NULL,
    name    TEXT NOT NULL UNIQUE,
    role    TEXT NOT NULL CHECK (role IN ('jobbspesialist', 'markedskontakt', 'leder')),
    active  INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL
);

-- One key belongs to one user. The key is stored as "type base64", without
-- the comment.
CREATE TABLE user_keys (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    key     TEXT NOT NULL UNIQUE,
    comment TEXT NOT NULL DEFAULT '',
    added   TEXT NOT NULL
);

CREATE TABLE skill_terms (
    term        TEXT PRIMARY KEY,
    broader     TEXT NOT NULL DEFAULT '',
    synonyms    TEXT NOT NULL DEFAULT '[]',
    occupations TEXT NOT NULL DEFAULT '[]'
);

-- Append-only: rows are never deleted, and an update may only clear the
-- recorded values (erasure of a person's data).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    office    TEXT NOT NULL,
    user_id   INTEGER NOT NULL DEFAULT 0,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL DEFAULT 0,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE INDEX audit_actor ON audit (actor, id);

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_only_redact BEFORE UPDATE ON audit
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.office IS NOT OLD.office
  OR NEW.user_id IS NOT OLD.user_id OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
  OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id
  OR (NEW.before IS NOT OLD.before AND NEW.before != '')
  OR (NEW.after IS NOT OLD.after AND NEW.after != '')
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The change feed: what changed, never its content.
CREATE TABLE changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL
);
