-- Which indicators does the coverage grid list for a topic ('' means every topic), with their names, in the grid's order? Every indicator of the catalogue, whether the store holds a value of it or not.
-- params: $category
SELECT indicator, title_vi, title_en, category
FROM indicators
WHERE $category = '' OR category = $category
ORDER BY category, indicator
