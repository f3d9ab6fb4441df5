-- Every target's progress status in the chosen provinces (and category; '' for all), as the build computed it
-- (provdash/targets.py), in the order pages list them.
-- params: $jurisdictions, $category
SELECT *
FROM target_progress
WHERE list_contains($jurisdictions, jurisdiction)
  AND ($category = '' OR category = $category)
ORDER BY position
