-- How many values match a search text (every word, ignoring case and Vietnamese diacritics), a topic, a kind, an indicator, a jurisdiction and a scope ('' means any), a year and a method (NULL means any), and how many values are there in all?
-- params: $search, $category, $kind, $indicator, $jurisdiction, $year, $method, $scope
-- $year is the year a value's period ends in (as on the coverage page); $method '' is the single, unnamed method.
-- The matching is sources_values.sql's, word for word, narrowed further by the indicator … scope filters (the
-- coverage page links to one cell's values with them; the whole-dataset download has none). Without a search text
-- the rows are only counted (no text is joined or normalised); the total is every row of observation_facts, which
-- is every row of the view (its joins follow NOT NULL foreign keys).
WITH words AS (
    SELECT string_split(replace(strip_accents(lower(trim($search))), 'đ', 'd'), ' ') AS words
),
indicator_text AS (SELECT indicator, replace(strip_accents(lower(concat_ws(' ', indicator, title_vi, title_en))), 'đ', 'd') AS text FROM indicators),
place_text     AS (SELECT jurisdiction, replace(strip_accents(lower(concat_ws(' ', name_vi, name_en))), 'đ', 'd') AS text FROM jurisdictions),
scope_text     AS (SELECT scope, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM scopes),
method_text    AS (SELECT method, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM methods),
qualifier_text AS (SELECT qualifier, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM qualifiers),
source_text    AS (SELECT source_id, replace(strip_accents(lower(concat_ws(' ', title, outlet, url, file, published))), 'đ', 'd') AS text FROM sources)
SELECT
    (SELECT count(*) FROM observations o
     WHERE $search = '' AND ($category = '' OR o.category = $category) AND ($kind = '' OR o.kind = $kind)
       AND ($indicator = '' OR o.indicator = $indicator) AND ($jurisdiction = '' OR o.jurisdiction = $jurisdiction)
       AND ($year IS NULL OR year(o.period_end) = $year) AND ($method IS NULL OR o.method = $method)
       AND ($scope = '' OR o.scope = $scope))
  + (SELECT count(*)
     FROM observations o
     JOIN indicator_text it USING (indicator)
     JOIN place_text     pt USING (jurisdiction)
     JOIN scope_text     st USING (scope)
     JOIN method_text    mt USING (method)
     JOIN qualifier_text qt USING (qualifier)
     JOIN source_text   srt USING (source_id), words w
     WHERE $search <> '' AND ($category = '' OR o.category = $category)
       AND ($kind = '' OR o.kind = $kind)
       AND ($indicator = '' OR o.indicator = $indicator) AND ($jurisdiction = '' OR o.jurisdiction = $jurisdiction)
       AND ($year IS NULL OR year(o.period_end) = $year) AND ($method IS NULL OR o.method = $method)
       AND ($scope = '' OR o.scope = $scope)
       AND list_bool_and(list_transform(w.words, lambda word: contains(concat_ws(' ',
             it.text, pt.text, st.text, mt.text, qt.text, srt.text,
             CASE WHEN strlen(o.period_label) = length(o.period_label) THEN lower(o.period_label)
                  ELSE replace(strip_accents(lower(o.period_label)), 'đ', 'd') END,
             CASE WHEN strlen(o.quote) = length(o.quote) THEN lower(o.quote)
                  ELSE replace(strip_accents(lower(o.quote)), 'đ', 'd') END,
             CASE WHEN strlen(o.note) = length(o.note) THEN lower(o.note)
                  ELSE replace(strip_accents(lower(o.note)), 'đ', 'd') END), word))))  AS matching,
    (SELECT count(*) FROM observation_facts)    AS total
