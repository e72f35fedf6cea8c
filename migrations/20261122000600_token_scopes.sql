-- What each API token may do: space-separated scope codes (`items:read`, `items:write`,
-- `federation`, `admin`). Tokens made before scopes existed keep all of them, so every
-- client that worked before this migration keeps working (backward compatible); new
-- tokens always name their scopes.
ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'items:read items:write federation admin';
