-- Which jurisdictions exist, when were they valid, and what did they merge into?
-- params: none
SELECT
    j.jurisdiction,
    j.name_vi,
    j.name_en,
    j.level,
    j.code,
    j.valid_from,
    j.valid_to,
    j.successor,
    s.name_vi AS successor_name_vi,
    s.name_en AS successor_name_en,
    (SELECT count(*) FROM observation_facts f WHERE f.jurisdiction = j.jurisdiction) AS observations
FROM jurisdictions j
LEFT JOIN jurisdictions s ON s.jurisdiction = j.successor
ORDER BY j.level, coalesce(j.successor, j.jurisdiction), j.valid_from, j.jurisdiction
