-- STYRK-08, the classification of occupations: every code from the major
-- groups (one digit) to the unit groups (four digits), NAV's two category
-- levels per unit group, and the job titles people use for each. Shared by
-- every office, like the skills taxonomy.

CREATE TABLE occupations (
    code           TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 4 AND code NOT GLOB '*[^0-9]*'),
    level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    name           TEXT NOT NULL DEFAULT '',
    parent         TEXT NOT NULL DEFAULT '',
    nav_category_1 TEXT NOT NULL DEFAULT '',
    nav_category_2 TEXT NOT NULL DEFAULT '',
    updated        TEXT NOT NULL
);

-- Titles keep the order they were added in (id).
CREATE TABLE occupation_titles (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL REFERENCES occupations (code),
    title TEXT NOT NULL,
    UNIQUE (code, title)
);
