-- How much does the store hold: indicators, values, sources, targets, and the newest source date?
-- params: none
SELECT
    (SELECT count(DISTINCT indicator) FROM observations)                 AS indicators,
    (SELECT count(*) FROM observations)                                  AS observations,
    (SELECT count(DISTINCT source_id) FROM observations)                 AS sources,
    (SELECT count(*) FROM observations WHERE kind = 'target')            AS targets,
    (SELECT count(*) FROM observations WHERE source_file <> '')          AS from_articles,
    (SELECT max(source_published) FROM observations)                     AS latest_source_published,
    (SELECT value FROM build_info WHERE key = 'data_fingerprint')         AS data_fingerprint
