-- The first targets (in the order pages list them) of one category ('' for all), with their status and inputs,
-- and how many there are in all: the sources page shows a readable number and offers the rest as a file.
-- params: $category, $limit
SELECT *, count(*) OVER () AS targets_in_all
FROM target_progress
WHERE $category = '' OR category = $category
ORDER BY position
LIMIT $limit
