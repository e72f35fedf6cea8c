-- The inbox log kept what applying an activity did as free text (a Rust `Debug` form or a
-- sentence); it now keeps a stable code. Older rows are recoded so that one vocabulary
-- describes the whole log.
UPDATE inbox_log SET outcome = CASE
    WHEN outcome = 'Stored' THEN 'replica_stored'
    WHEN outcome = 'Updated' THEN 'replica_updated'
    WHEN outcome = 'Stale' THEN 'stale'
    WHEN outcome = 'Tombstoned' THEN 'tombstoned'
    WHEN outcome = 'NotAnItem' THEN 'not_an_item'
    WHEN outcome = 'LocalItem' THEN 'local_item'
    WHEN outcome LIKE 'Invalid(%' THEN 'invalid_item'
    WHEN outcome = 'follower recorded' THEN 'follower_recorded'
    WHEN outcome = 'follow accepted' THEN 'follow_accepted'
    WHEN outcome = 'follow rejected' THEN 'follow_rejected'
    WHEN outcome = 'follower removed' THEN 'follower_removed'
    WHEN outcome = 'actor deleted' THEN 'actor_deleted'
    WHEN outcome LIKE 'ignored: not following%' THEN 'not_following'
    WHEN outcome = 'ignored: follow of another actor' THEN 'follow_of_another_actor'
    WHEN outcome = 'ignored: no matching follow' THEN 'no_matching_follow'
    WHEN outcome = 'ignored: undo of something else' THEN 'undo_of_something_else'
    WHEN outcome LIKE 'ignored: the object is a %' THEN 'not_an_item'
    WHEN outcome LIKE 'ignored: the %' THEN 'invalid_item'
    WHEN outcome LIKE 'failed:%' THEN 'failed'
    WHEN outcome LIKE 'ignored: %' THEN 'unsupported'
    ELSE outcome
END
WHERE outcome IS NOT NULL;
