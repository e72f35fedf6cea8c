-- The editors' count of overdue reviews reads only this node's published items that have
-- a review date, by that date: a range of the overdue entries, not a scan of the items.
CREATE INDEX items_review_due ON items(review_due)
    WHERE origin IS NULL AND lifecycle = 'published' AND review_due IS NOT NULL;
