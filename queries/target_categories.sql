-- Which indicator categories have targets (the overview's category filter)?
-- params: none
SELECT DISTINCT category FROM target_progress ORDER BY category
