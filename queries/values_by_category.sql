-- How many actual and target values does each topic hold?
-- params: none
SELECT
    category,
    count(DISTINCT indicator)                     AS indicators,
    count(*) FILTER (WHERE kind = 'actual')       AS actuals,
    count(*) FILTER (WHERE kind = 'target')       AS targets,
    count(*)                                      AS observations
FROM observations
GROUP BY category
ORDER BY observations DESC, category
