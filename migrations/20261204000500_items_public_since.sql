-- "New since" figures of the coordination view count the public items first published
-- (or created, for replicas) after a date: this index holds them by that date, so the
-- count reads only the recent entries instead of every item.
CREATE INDEX items_public_since ON items(COALESCE(published_at, created_at), origin)
    WHERE lifecycle IN ('published', 'archived');
