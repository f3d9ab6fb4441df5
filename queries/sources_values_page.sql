-- Which values, with their sources, are on one page of the sources page's table: those matching a search text, a topic, a kind, an indicator, a jurisdiction and a scope ('' means any), a year and a method (NULL means any), in the page's order, $limit of them from row $offset (0 = the first)?
-- params: $search, $category, $kind, $indicator, $jurisdiction, $year, $method, $scope, $limit, $offset
-- $year is the year a value's period ends in (as on the coverage page); $method '' is the single, unnamed method.
-- The matching and the order are sources_values.sql's (narrowed further by the indicator … scope filters, as in
-- sources_values_count.sql); the order ends with obs_id (the key), so pages are stable.
-- A plain ORDER BY … LIMIT … OFFSET sorts every matching row once the offset is large (10 M rows: 12 s, 2 GB
-- from page 250 on), so the page is found in two steps: count the matching rows of each (topic, indicator,
-- place) — the first sort keys — to learn which of these groups hold rows $offset to $offset + $limit, then
-- sort only those groups' rows. Any page then costs about what the first does. Without a search text no text is
-- joined or normalised (and nothing is kept in memory); the rows a search matches are found once and kept.
WITH words AS (
    SELECT string_split(replace(strip_accents(lower(trim($search))), 'đ', 'd'), ' ') AS words
),
indicator_text AS (SELECT indicator, replace(strip_accents(lower(concat_ws(' ', indicator, title_vi, title_en))), 'đ', 'd') AS text FROM indicators),
place_text     AS (SELECT jurisdiction, replace(strip_accents(lower(concat_ws(' ', name_vi, name_en))), 'đ', 'd') AS text FROM jurisdictions),
scope_text     AS (SELECT scope, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM scopes),
method_text    AS (SELECT method, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM methods),
qualifier_text AS (SELECT qualifier, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM qualifiers),
source_text    AS (SELECT source_id, replace(strip_accents(lower(concat_ws(' ', title, outlet, url, file, published))), 'đ', 'd') AS text FROM sources),
unsearched AS NOT MATERIALIZED (  -- no search text: the sort keys of every row the filters keep
    SELECT o.obs_id, o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id,
           o.period_start
    FROM observations o
    WHERE $search = '' AND ($category = '' OR o.category = $category) AND ($kind = '' OR o.kind = $kind)
      AND ($indicator = '' OR o.indicator = $indicator) AND ($jurisdiction = '' OR o.jurisdiction = $jurisdiction)
      AND ($year IS NULL OR year(o.period_end) = $year) AND ($method IS NULL OR o.method = $method)
      AND ($scope = '' OR o.scope = $scope)
),
searched AS MATERIALIZED (  -- a search text: the sort keys of the rows it matches, found once
    SELECT o.obs_id, o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id,
           o.period_start
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
                 ELSE replace(strip_accents(lower(o.note)), 'đ', 'd') END), word)))
),
matching AS NOT MATERIALIZED (SELECT * FROM unsearched UNION ALL SELECT * FROM searched),
groups AS (  -- rows per group of the first sort keys
    SELECT category, indicator, jurisdiction, count(*) AS n FROM matching GROUP BY ALL
),
placed AS (
    SELECT *, sum(n) OVER (ORDER BY category, indicator, jurisdiction ROWS UNBOUNDED PRECEDING) - n AS before
    FROM groups
),
wanted AS (  -- the groups holding the page's rows (none past the end)
    SELECT category, indicator, jurisdiction, before FROM placed
    WHERE before < $offset + $limit AND before + n > $offset
),
positioned AS (
    SELECT o.obs_id,
           (SELECT min(before) FROM wanted) - 1 + row_number() OVER (
               ORDER BY o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id,
                        o.period_start, o.obs_id) AS position
    FROM matching o SEMI JOIN wanted w USING (category, indicator, jurisdiction)
)
SELECT o.*
FROM observations o
SEMI JOIN (SELECT obs_id FROM positioned WHERE position >= $offset AND position < $offset + $limit) p
    USING (obs_id)
ORDER BY o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id, o.period_start, o.obs_id
