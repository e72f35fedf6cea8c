-- Funding lines of public items (local and replicas), one row per line, with the régions
-- the item lies in; and their totals per région ('' for the whole network), funding type
-- and programme, kept exact by triggers in the transaction of every write, so that the
-- coordination view reads a few rows whatever the number of items. Amounts in cents.
CREATE TABLE item_funding (
    item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    line         INTEGER NOT NULL,
    funding_type TEXT NOT NULL,
    programme    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    -- A JSON array of région codes: ["region:76"].
    regions      TEXT NOT NULL,
    PRIMARY KEY (item_id, line)
) WITHOUT ROWID;

CREATE TABLE funding_totals (
    region       TEXT NOT NULL,
    funding_type TEXT NOT NULL,
    programme    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    lines        INTEGER NOT NULL,
    PRIMARY KEY (region, funding_type, programme)
) WITHOUT ROWID;

CREATE TRIGGER item_funding_insert AFTER INSERT ON item_funding
BEGIN
    INSERT INTO funding_totals (region, funding_type, programme, amount_cents, lines)
    SELECT * FROM (SELECT value, NEW.funding_type, NEW.programme, NEW.amount_cents, 1 FROM json_each(NEW.regions)
                   UNION ALL SELECT '', NEW.funding_type, NEW.programme, NEW.amount_cents, 1) WHERE true
    ON CONFLICT DO UPDATE SET amount_cents = amount_cents + excluded.amount_cents, lines = lines + 1;
END;

CREATE TRIGGER item_funding_delete AFTER DELETE ON item_funding
BEGIN
    UPDATE funding_totals SET amount_cents = amount_cents - OLD.amount_cents, lines = lines - 1
     WHERE funding_type = OLD.funding_type AND programme = OLD.programme
       AND (region = '' OR region IN (SELECT value FROM json_each(OLD.regions)));
END;

-- An item that stops being public takes its lines out of the totals.
CREATE TRIGGER item_funding_unpublished AFTER UPDATE OF lifecycle ON items
WHEN OLD.lifecycle IN ('published', 'archived') AND NEW.lifecycle NOT IN ('published', 'archived')
BEGIN
    DELETE FROM item_funding WHERE item_id = NEW.id;
END;
