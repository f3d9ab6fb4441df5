-- Every target's progress status, as the build computed it (provdash/targets.py), in the order pages list them.
-- params: none
SELECT * FROM target_progress ORDER BY position
