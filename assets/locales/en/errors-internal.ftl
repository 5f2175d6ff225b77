# Internal errors (tally::store::TallyFault, bundle::ExportFault): what
# urna's own code should never let happen, said in the user's language.
# The frame around each: the office's (tally) and the kiosk's.
internal-tally = internal error of urna: { $what }; please report it to urna's makers, with the command that met it
internal-kiosk = internal error of urna: { $what }; please report it to the office

## The office's store and the simulator (TallyFault)
internal-card-unreadable = a stored card cannot be read
internal-entry-unreadable = a stored journal entry cannot be read
internal-online-unreadable = a stored internet vote cannot be read
internal-entry-without-card = entry { $seq } of point { $point } holds no card
internal-decision-unreadable = the office's decision { $seq } cannot be read
internal-decision-unwritable = a decision of the office could not be written as JSON
internal-copy-hash-length = the office's copy of entry { $seq } has a hash that is not 32 bytes
internal-counting-stopped = a counting thread stopped
internal-reader-stopped = the bundle reader stopped
internal-storing-stopped = the storing of a bundle's entries stopped
internal-worker-failed = a simulation worker failed
internal-worker-stopped = a simulation worker stopped early
internal-point-id = the simulator made an invalid point id { $id }
internal-kiosk-key = point { $point }: making a kiosk key failed ({ $detail })
internal-export-time = point { $point }: { $day } has no 21:00 in Warsaw time for the export
internal-expected-unwritable = expected.json could not be written as JSON
internal-csv-row = { $path }: the CSV writer refused a row
internal-point-bundle = point { $point }: { $what }

## Making a bundle (ExportFault)
internal-export-recipients = age would not encrypt to the office's key
internal-export-encrypt = encrypting the journal: { $error }
internal-export-manifest = the manifest could not be written as JSON ({ $detail })
internal-export-signing = signing the manifest: { $detail }
internal-export-tar = packing the bundle: { $error }
