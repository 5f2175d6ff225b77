# What is wrong with a journal entry (store::JournalFault), after
# "journal entry N: ".
error-journal-unreadable = unreadable entry
error-journal-unreadable-kind = unreadable { $kind } entry
error-journal-hash-length = hash is not 32 bytes
error-journal-no-kiosk-key = the journal names no kiosk key
error-journal-no-such-entry = no such entry
error-journal-concurrent-export = another export was made at the same time; export again
error-journal-meta-missing = store metadata `{ $key }` is missing
error-journal-new-key = a journal key: { $detail }
error-journal-signing = signing: { $detail }
error-journal-sealing = sealing: { $detail }
error-journal-upgrade = upgrading the store to schema { $schema }: { $detail }
