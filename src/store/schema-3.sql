-- urna kiosk store, schema 3: every entry carries its own signature by the
-- journal key (over the point, its number and its hash, as the seal is), so
-- that a card's save writes one b-tree, the journal, and the seal over the
-- head follows a few saves later: the entries after the seal are covered by
-- their own signatures. Entries of schema 2, all under the seal, have none.
ALTER TABLE journal ADD COLUMN sig TEXT;
