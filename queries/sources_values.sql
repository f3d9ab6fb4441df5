-- Which values, with their sources, match a search text (every word, ignoring case and Vietnamese diacritics), a topic and a kind ('' means any)? All of them, in the sources page's order (the whole-dataset download; the page itself reads sources_values_page).
-- params: $search, $category, $kind
-- A word matches when it occurs in the row's text: indicator, place, period, scope, method, qualifier, source,
-- quote and note, lower-cased, without diacritics, đ as d. strip_accents is the costly part, so the labels are
-- normalised once per row of their own small table, and a row's own text only when it is not plain ASCII.
-- Keep the matching identical in sources_values_count.sql and sources_values_page.sql (tests compare them).
WITH words AS (
    SELECT string_split(replace(strip_accents(lower(trim($search))), 'đ', 'd'), ' ') AS words
),
indicator_text AS (SELECT indicator, replace(strip_accents(lower(concat_ws(' ', indicator, title_vi, title_en))), 'đ', 'd') AS text FROM indicators),
place_text     AS (SELECT jurisdiction, replace(strip_accents(lower(concat_ws(' ', name_vi, name_en))), 'đ', 'd') AS text FROM jurisdictions),
scope_text     AS (SELECT scope, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM scopes),
method_text    AS (SELECT method, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM methods),
qualifier_text AS (SELECT qualifier, replace(strip_accents(lower(concat_ws(' ', label_vi, label_en))), 'đ', 'd') AS text FROM qualifiers),
source_text    AS (SELECT source_id, replace(strip_accents(lower(concat_ws(' ', title, outlet, url, file, published))), 'đ', 'd') AS text FROM sources)
SELECT o.*
FROM observations o
JOIN indicator_text it USING (indicator)
JOIN place_text     pt USING (jurisdiction)
JOIN scope_text     st USING (scope)
JOIN method_text    mt USING (method)
JOIN qualifier_text qt USING (qualifier)
JOIN source_text   srt USING (source_id), words w
WHERE ($category = '' OR o.category = $category)
  AND ($kind = '' OR o.kind = $kind)
  AND ($search = '' OR list_bool_and(list_transform(w.words, lambda word: contains(concat_ws(' ',
        it.text, pt.text, st.text, mt.text, qt.text, srt.text,
        CASE WHEN strlen(o.period_label) = length(o.period_label) THEN lower(o.period_label)
             ELSE replace(strip_accents(lower(o.period_label)), 'đ', 'd') END,
        CASE WHEN strlen(o.quote) = length(o.quote) THEN lower(o.quote)
             ELSE replace(strip_accents(lower(o.quote)), 'đ', 'd') END,
        CASE WHEN strlen(o.note) = length(o.note) THEN lower(o.note)
             ELSE replace(strip_accents(lower(o.note)), 'đ', 'd') END), word))))
ORDER BY o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id, o.period_start, o.obs_id
