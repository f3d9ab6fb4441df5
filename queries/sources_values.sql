-- Which values, with their sources, match a search text (every word, ignoring case and Vietnamese diacritics), a topic and a kind ('' means any)?
-- params: $search, $category, $kind
WITH words AS (
    SELECT string_split(replace(strip_accents(lower(trim($search))), 'đ', 'd'), ' ') AS words
)
SELECT o.*
FROM observations o, words w
WHERE ($category = '' OR o.category = $category)
  AND ($kind = '' OR o.kind = $kind)
  AND list_bool_and(list_transform(w.words, lambda word: contains(
        replace(strip_accents(lower(concat_ws(' ',
            o.indicator, o.indicator_name, o.indicator_name_en, o.jurisdiction_name, o.jurisdiction_name_en,
            o.period_label, o.scope_label, o.scope_label_en, o.method_label, o.method_label_en,
            o.qualifier_label, o.qualifier_label_en, o.source_title, o.source_outlet, o.source_url,
            o.source_file, o.source_published, o.quote, o.note))), 'đ', 'd'),
        word)))
ORDER BY o.category, o.indicator, o.jurisdiction, o.period_end, o.kind, o.scope, o.method, o.source_id
