# What SQLite, age, minisign and TLS report, in words of the user's
# language (their own English is not shown).

error-sqlite-permission-denied = no permission on the database file
error-sqlite-busy = the database is busy with another urna; close it and try again
error-sqlite-out-of-memory = out of memory
error-sqlite-read-only = the database is read-only
error-sqlite-io = a disk input/output error while using the database
error-sqlite-corrupt = the database file is damaged or is not an urna database
error-sqlite-disk-full = no space left on the device
error-sqlite-cannot-open = the database file cannot be opened
error-sqlite-constraint = the write would break the database's constraints
error-sqlite-too-big = a value too large for the database
error-sqlite-interrupted = the database operation was interrupted
error-sqlite-code = an SQLite database error (code { $code })
error-sqlite-no-row = an expected row is missing from the database
error-sqlite-type = a value in the database has an unexpected type
error-sqlite-other = a database error
error-sqlite-schema-version = the database's schema version was changed outside urna
error-sqlite-migration = the database schema could not be brought up to date

error-age-decryption-failed = the encrypted payload does not decrypt (damaged or altered)
error-age-invalid-header = the age header is unreadable: not a file a kiosk encrypted, or a damaged one
error-age-invalid-mac = the age header's MAC does not match: the header was altered
error-age-key-decryption-failed = a key written in the age header could not be decrypted
error-age-no-matching-keys = encrypted to another recipient: no key of this office fits it (the kiosk has the wrong office key set?)
error-age-unknown-format = an unknown version of the age format (from a newer program?)
error-age-header-too-long = the age header is longer than { $bytes } bytes
error-age-damaged = the encrypted payload is damaged or altered (it does not authenticate)
error-age-truncated = the encrypted payload is cut short
error-age-other = an unknown decryption error
error-age-excessive-work = encrypted with a passphrase of excessive cost (decrypting would take about { $seconds } s); a kiosk encrypts to the office key, not with a passphrase

error-signature-not-text = it is not text
error-signature-no-key-id = it names no key id
error-signature-encoding = the signature's encoding (base64) is invalid
error-signature-algorithm = an unsupported signature algorithm
error-signature-other = the signature is unreadable

error-tls-ca-as-server = the server's certificate is a certificate authority's (CA:TRUE, what `openssl req -x509` makes by default), which a kiosk does not accept as a server's own; the office makes a new one: { $command }
error-tls-unknown-issuer = the server's certificate is not signed by a certificate this kiosk trusts (`urna central url … --ca FILE`)
error-tls-not-for-name = the server's certificate names another host than the office's address (subjectAltName)
error-tls-expired = the server's certificate has expired (or this computer's clock is fast)
error-tls-not-yet-valid = the server's certificate is not valid yet (or this computer's clock is slow)
error-tls-unreadable = the server's certificate cannot be read
error-tls-revoked = the server's certificate was revoked (or whether it was cannot be checked); the office must serve a new one
error-tls-not-for-servers = the server's certificate is not meant for a TLS server (extendedKeyUsage); the office makes a new one: { $command }
error-tls-unsupported = the server's certificate uses an algorithm or a critical extension this kiosk does not know; the office makes a new one: { $command }
error-tls-other = the server's certificate was refused (rustls: { $why })
