-- Schema of data/indicators.duckdb. The constraints here are the first line of defence; the named checks
-- in provdash/validate.py run before them and explain problems in plain words.

CREATE TABLE units (
    unit        VARCHAR PRIMARY KEY CHECK (regexp_full_match(unit, '[a-z][a-z0-9_]*')),
    label_vi    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL,
    dimension   VARCHAR NOT NULL,
    base_unit   VARCHAR NOT NULL,
    factor      DOUBLE  NOT NULL CHECK (factor > 0),
    min_value   DOUBLE,
    max_value   DOUBLE,
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

CREATE TABLE qualifiers (
    qualifier VARCHAR PRIMARY KEY,
    label_vi  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    meaning   VARCHAR NOT NULL
);

CREATE TABLE scopes (
    scope      VARCHAR PRIMARY KEY CHECK (regexp_full_match(scope, '[a-z][a-z0-9_]*')),
    label_vi   VARCHAR NOT NULL,
    label_en   VARCHAR NOT NULL,
    definition VARCHAR NOT NULL
);

CREATE TABLE methods (
    method     VARCHAR PRIMARY KEY,
    label_vi   VARCHAR NOT NULL,
    label_en   VARCHAR NOT NULL,
    short_vi   VARCHAR NOT NULL,
    short_en   VARCHAR NOT NULL,
    definition VARCHAR NOT NULL
);

CREATE TABLE sources (
    source_id VARCHAR PRIMARY KEY CHECK (regexp_full_match(source_id, '[a-z][a-z0-9_]*')),
    title     VARCHAR NOT NULL CHECK (length(title) > 0),
    outlet    VARCHAR NOT NULL,
    url       VARCHAR NOT NULL,
    file      VARCHAR NOT NULL,
    published VARCHAR NOT NULL,
    language  VARCHAR NOT NULL CHECK (language IN ('vi', 'en')),
    note      VARCHAR NOT NULL,
    CHECK (url <> '' OR file <> '')
);

CREATE TABLE indicators (
    indicator  VARCHAR PRIMARY KEY CHECK (regexp_full_match(indicator, '[a-z][a-z0-9_]*')),
    title_vi   VARCHAR NOT NULL,
    title_en   VARCHAR NOT NULL,
    unit       VARCHAR NOT NULL REFERENCES units (unit),
    category   VARCHAR NOT NULL,
    direction  VARCHAR NOT NULL CHECK (direction IN ('higher', 'lower')),
    type       VARCHAR NOT NULL CHECK (type IN ('level', 'share', 'rate', 'rank', 'count')),
    measure    VARCHAR NOT NULL CHECK (measure IN ('stock', 'flow')),
    definition VARCHAR NOT NULL
);

CREATE TABLE jurisdictions (
    jurisdiction VARCHAR PRIMARY KEY CHECK (regexp_full_match(jurisdiction, '[a-z][a-z0-9_]*')),
    name_vi      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    level        VARCHAR NOT NULL CHECK (level IN ('country', 'province')),
    code         VARCHAR NOT NULL,
    valid_from   DATE    NOT NULL,
    valid_to     DATE,
    successor    VARCHAR,
    note         VARCHAR NOT NULL,
    CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE observation_facts (
    obs_id       VARCHAR PRIMARY KEY,
    indicator    VARCHAR NOT NULL REFERENCES indicators (indicator),
    jurisdiction VARCHAR NOT NULL REFERENCES jurisdictions (jurisdiction),
    period_start DATE    NOT NULL,
    period_end   DATE    NOT NULL,
    period_label VARCHAR NOT NULL CHECK (length(period_label) > 0),
    value        DOUBLE  NOT NULL CHECK (isfinite(value)),
    unit         VARCHAR NOT NULL REFERENCES units (unit),
    kind         VARCHAR NOT NULL CHECK (kind IN ('actual', 'target')),
    qualifier    VARCHAR NOT NULL REFERENCES qualifiers (qualifier),
    scope        VARCHAR NOT NULL REFERENCES scopes (scope),
    method       VARCHAR NOT NULL REFERENCES methods (method),
    source_id    VARCHAR NOT NULL REFERENCES sources (source_id),
    quote        VARCHAR NOT NULL,
    note         VARCHAR NOT NULL,
    CHECK (period_start <= period_end),
    CHECK (unit <> 'pct' OR value BETWEEN 0 AND 100),
    CHECK (unit <> 'ha' OR value >= 0),
    CHECK (unit NOT IN ('projects', 'enterprises', 'zones', 'clusters', 'routes', 'certificates',
                        'installs', 'countries', 'centres', 'usd_bn', 'usd_mn', 'vnd_tn', 'vnd_bn') OR value >= 0),
    UNIQUE (source_id, indicator, jurisdiction, kind, scope, method, period_start, period_end)
);

CREATE INDEX observation_facts_indicator ON observation_facts (indicator, jurisdiction);

-- Dated decisions and events the sources report (policy timeline, markers on charts). `date` is the day for
-- precision 'day', the first day of the month or year for 'month' / 'year', and the latest possible day for 'by'.
CREATE TABLE events (
    event_id       VARCHAR PRIMARY KEY CHECK (regexp_full_match(event_id, '[a-z][a-z0-9_]*')),
    date           DATE    NOT NULL,
    date_precision VARCHAR NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'by')),
    date_label     VARCHAR NOT NULL CHECK (length(date_label) > 0),
    jurisdiction   VARCHAR NOT NULL REFERENCES jurisdictions (jurisdiction),
    type           VARCHAR NOT NULL CHECK (type IN ('decision', 'resolution', 'agreement', 'launch', 'merger',
                                                    'forum', 'plan')),
    title_vi       VARCHAR NOT NULL CHECK (length(title_vi) > 0),
    title_en       VARCHAR NOT NULL CHECK (length(title_en) > 0),
    source_id      VARCHAR NOT NULL REFERENCES sources (source_id),
    quote          VARCHAR NOT NULL CHECK (length(quote) <= 160),
    note           VARCHAR NOT NULL,
    CHECK (date_precision <> 'month' OR day(date) = 1),
    CHECK (date_precision <> 'year' OR (month(date) = 1 AND day(date) = 1))
);

CREATE INDEX events_date ON events (date, jurisdiction);

-- Derived by the build (provdash/targets.py over queries/target_inputs.sql): every target's progress status
-- against its comparable actuals, in the order the pages list them (position). Not curated: rebuilt with the data
-- and with config/progress.yaml (whose digest build_info keeps as progress_config).
CREATE TABLE target_progress (
    position               INTEGER PRIMARY KEY,
    indicator              VARCHAR NOT NULL,
    indicator_name         VARCHAR NOT NULL,
    indicator_name_en      VARCHAR NOT NULL,
    category               VARCHAR NOT NULL,
    jurisdiction           VARCHAR NOT NULL,
    jurisdiction_name      VARCHAR NOT NULL,
    jurisdiction_name_en   VARCHAR NOT NULL,
    indicator_type         VARCHAR NOT NULL,
    direction              VARCHAR NOT NULL,
    unit                   VARCHAR NOT NULL,
    target_value           DOUBLE NOT NULL,
    target_year            INTEGER NOT NULL,
    target_label           VARCHAR,
    qualifier              VARCHAR NOT NULL,
    scope                  VARCHAR NOT NULL,
    target_source_id       VARCHAR NOT NULL,
    status                 VARCHAR NOT NULL,
    assessment             VARCHAR NOT NULL,
    ratio                  DOUBLE,
    base_value             DOUBLE,
    base_year              INTEGER,
    latest_value           DOUBLE,
    latest_date            DATE,
    latest_label           VARCHAR,
    latest_method          VARCHAR,
    latest_method_label    VARCHAR,
    latest_method_label_en VARCHAR,
    latest_source_id       VARCHAR,
    gap                    DOUBLE,
    pace_achieved          DOUBLE,
    pace_needed            DOUBLE,
    pace_unit              VARCHAR,
    reason                 VARCHAR,
    scope_label            VARCHAR NOT NULL,  -- the scope's labels, both languages
    scope_label_en         VARCHAR NOT NULL,
    unit_label             VARCHAR NOT NULL,  -- labels of the indicator's unit (unit), both languages
    unit_label_en          VARCHAR NOT NULL,
    target_start_year      INTEGER NOT NULL,
    target_method          VARCHAR NOT NULL,
    valid_to               DATE,     -- last day of the target's province, when it has ceased (the 2025 mergers)
    successor              VARCHAR,
    successor_name         VARCHAR,
    successor_name_en      VARCHAR,
    successor_target       VARCHAR,  -- JSON: the successor's own target for the indicator, or ''
    evidence               VARCHAR NOT NULL,  -- JSON list: each series' latest value the status rests on
    CHECK (status IN ('achieved', 'on_track', 'acceleration_needed', 'limited_progress', 'deterioration', 'met',
                      'not_met', 'off_track', 'methods_disagree', 'superseded', 'not_enough_data'))
);
CREATE INDEX target_progress_jurisdiction ON target_progress (jurisdiction, category);

CREATE TABLE build_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- The public data contract: one row per value, every id resolved to its names and its source.
CREATE VIEW observations AS
SELECT
    f.obs_id,
    f.jurisdiction,
    j.name_vi                                   AS jurisdiction_name,
    j.name_en                                   AS jurisdiction_name_en,
    j.valid_to                                  AS jurisdiction_valid_to,
    j.successor                                 AS jurisdiction_successor,
    js.name_vi                                  AS jurisdiction_successor_name,
    js.name_en                                  AS jurisdiction_successor_name_en,
    f.indicator,
    i.title_vi                                  AS indicator_name,
    i.title_en                                  AS indicator_name_en,
    i.category,
    i.direction,
    i.type                                      AS indicator_type,
    i.measure,
    f.value,
    f.unit,
    u.label_vi                                  AS unit_label,
    u.label_en                                  AS unit_label_en,
    i.unit                                      AS indicator_unit,
    iu.label_vi                                 AS indicator_unit_label,
    iu.label_en                                 AS indicator_unit_label_en,
    CASE WHEN u.dimension = iu.dimension AND u.base_unit = iu.base_unit
         THEN f.value * u.factor / iu.factor END AS value_in_indicator_unit,
    f.period_start,
    f.period_end,
    f.period_label,
    CASE
        WHEN f.period_start = f.period_end THEN 'point'
        WHEN year(f.period_start) = year(f.period_end)
             AND month(f.period_start) = 1 AND day(f.period_start) = 1
             AND month(f.period_end) = 12 AND day(f.period_end) = 31 THEN 'year'
        WHEN year(f.period_start) = year(f.period_end) THEN 'part_year'
        ELSE 'multi_year'
    END                                         AS period_type,
    f.kind,
    f.qualifier,
    q.label_vi                                  AS qualifier_label,
    q.label_en                                  AS qualifier_label_en,
    f.scope,
    s.label_vi                                  AS scope_label,
    s.label_en                                  AS scope_label_en,
    f.method,
    m.label_vi                                  AS method_label,
    m.label_en                                  AS method_label_en,
    m.short_vi                                  AS method_short,
    m.short_en                                  AS method_short_en,
    f.source_id,
    src.title                                   AS source_title,
    src.outlet                                  AS source_outlet,
    src.url                                     AS source_url,
    src.file                                    AS source_file,
    src.published                               AS source_published,
    f.quote,
    f.note
FROM observation_facts f
JOIN indicators    i   USING (indicator)
JOIN units         iu  ON iu.unit = i.unit
JOIN units         u   ON u.unit = f.unit
JOIN jurisdictions j   USING (jurisdiction)
LEFT JOIN jurisdictions js ON js.jurisdiction = j.successor
JOIN qualifiers    q   USING (qualifier)
JOIN scopes        s   USING (scope)
JOIN methods       m   USING (method)
JOIN sources       src USING (source_id);
