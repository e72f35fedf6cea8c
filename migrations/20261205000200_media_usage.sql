-- The bytes of every stored file, kept by triggers, so that the quota check of an upload
-- or a download reads one row instead of summing the whole of media_blobs.
CREATE TABLE media_usage (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    bytes INTEGER NOT NULL
);
INSERT INTO media_usage (id, bytes) SELECT 1, COALESCE(SUM(byte_size), 0) FROM media_blobs;

CREATE TRIGGER media_blobs_stored AFTER INSERT ON media_blobs
BEGIN
    UPDATE media_usage SET bytes = bytes + NEW.byte_size WHERE id = 1;
END;

CREATE TRIGGER media_blobs_forgotten AFTER DELETE ON media_blobs
BEGIN
    UPDATE media_usage SET bytes = bytes - OLD.byte_size WHERE id = 1;
END;
