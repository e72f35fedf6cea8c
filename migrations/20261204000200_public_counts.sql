-- Counts of public items (published or archived) per origin and facet value, kept exact
-- by triggers in the transaction of every write, so that the catalogue's total and facet
-- figures, the local-only list and the coordination view read a few rows instead of
-- counting every item. `origin` is '' for this node's own items; `facet` is 'all' (value
-- ''), 'kind', 'territory', or a vocabulary of `item_terms` (pillar, activity_domain,
-- resource…). Rows may reach 0; readers skip them.
CREATE TABLE public_counts (
    origin TEXT NOT NULL,
    facet  TEXT NOT NULL,
    value  TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (facet, value, origin)
) WITHOUT ROWID;
CREATE INDEX public_counts_by_origin ON public_counts(origin, facet, value, n);

INSERT INTO public_counts (origin, facet, value, n)
SELECT COALESCE(origin, ''), 'all', '', COUNT(*) FROM items
 WHERE lifecycle IN ('published', 'archived') GROUP BY COALESCE(origin, '');
INSERT INTO public_counts (origin, facet, value, n)
SELECT COALESCE(origin, ''), 'kind', kind, COUNT(*) FROM items
 WHERE lifecycle IN ('published', 'archived') GROUP BY COALESCE(origin, ''), kind;
INSERT INTO public_counts (origin, facet, value, n)
SELECT COALESCE(origin, ''), 'territory', territory, COUNT(*) FROM items
 WHERE lifecycle IN ('published', 'archived') GROUP BY COALESCE(origin, ''), territory;
INSERT INTO public_counts (origin, facet, value, n)
SELECT COALESCE(i.origin, ''), t.vocabulary, t.code, COUNT(*) FROM items i JOIN item_terms t ON t.item_id = i.id
 WHERE i.lifecycle IN ('published', 'archived') GROUP BY COALESCE(i.origin, ''), t.vocabulary, t.code;

-- An item row counts for 'all', its kind and its territory while it is public.
CREATE TRIGGER public_counts_item_insert AFTER INSERT ON items
WHEN NEW.lifecycle IN ('published', 'archived')
BEGIN
    INSERT INTO public_counts (origin, facet, value, n)
    VALUES (COALESCE(NEW.origin, ''), 'all', '', 1), (COALESCE(NEW.origin, ''), 'kind', NEW.kind, 1),
           (COALESCE(NEW.origin, ''), 'territory', NEW.territory, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER public_counts_item_update_old AFTER UPDATE OF lifecycle, kind, territory, origin ON items
WHEN OLD.lifecycle IN ('published', 'archived')
BEGIN
    UPDATE public_counts SET n = n - 1
     WHERE origin = COALESCE(OLD.origin, '')
       AND ((facet = 'all' AND value = '') OR (facet = 'kind' AND value = OLD.kind)
            OR (facet = 'territory' AND value = OLD.territory)
            OR (NEW.lifecycle NOT IN ('published', 'archived')
                AND (facet, value) IN (SELECT vocabulary, code FROM item_terms WHERE item_id = OLD.id)));
END;

CREATE TRIGGER public_counts_item_update_new AFTER UPDATE OF lifecycle, kind, territory, origin ON items
WHEN NEW.lifecycle IN ('published', 'archived')
BEGIN
    INSERT INTO public_counts (origin, facet, value, n)
    VALUES (COALESCE(NEW.origin, ''), 'all', '', 1), (COALESCE(NEW.origin, ''), 'kind', NEW.kind, 1),
           (COALESCE(NEW.origin, ''), 'territory', NEW.territory, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO public_counts (origin, facet, value, n)
    SELECT COALESCE(NEW.origin, ''), vocabulary, code, 1 FROM item_terms
     WHERE item_id = NEW.id AND OLD.lifecycle NOT IN ('published', 'archived')
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Items are not deleted (a withdrawn item keeps its row), but if one were, its counts go:
-- its codes first, through their own trigger while the item is still there.
CREATE TRIGGER public_counts_item_delete BEFORE DELETE ON items
WHEN OLD.lifecycle IN ('published', 'archived')
BEGIN
    DELETE FROM item_terms WHERE item_id = OLD.id;
    UPDATE public_counts SET n = n - 1
     WHERE origin = COALESCE(OLD.origin, '')
       AND ((facet = 'all' AND value = '') OR (facet = 'kind' AND value = OLD.kind)
            OR (facet = 'territory' AND value = OLD.territory));
END;

-- A code counts while its item is public.
CREATE TRIGGER public_counts_term_insert AFTER INSERT ON item_terms
WHEN (SELECT lifecycle FROM items WHERE id = NEW.item_id) IN ('published', 'archived')
BEGIN
    INSERT INTO public_counts (origin, facet, value, n)
    SELECT COALESCE(origin, ''), NEW.vocabulary, NEW.code, 1 FROM items WHERE id = NEW.item_id
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER public_counts_term_delete AFTER DELETE ON item_terms
WHEN (SELECT lifecycle FROM items WHERE id = OLD.item_id) IN ('published', 'archived')
BEGIN
    UPDATE public_counts SET n = n - 1
     WHERE facet = OLD.vocabulary AND value = OLD.code
       AND origin = (SELECT COALESCE(origin, '') FROM items WHERE id = OLD.item_id);
END;
