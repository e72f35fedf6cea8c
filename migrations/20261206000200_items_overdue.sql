-- The coordination view counts the network's overdue reviews by territory: a range of
-- this index (the overdue entries, with their territory), never a walk of every item.
CREATE INDEX items_overdue ON items(review_due, territory)
    WHERE lifecycle = 'published' AND review_due IS NOT NULL;
