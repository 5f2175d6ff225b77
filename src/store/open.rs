//! Setting a store up (`urna init`) and opening one: its database, secret,
//! keys and the journal's first entries.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::edition::Edition;

use super::journal::{Entry, Event};
use super::{
    DB_FILE, Head, MIN_PIN_LENGTH, Operator, Point, Result, Role, SECRET_FILE, Session, Store,
    StoreError, Verified, append, check, configure_durable, create_private, io_err, keys,
    migrations, now, operators, seal_head, signing,
};

/// What `urna init` needs.
pub struct InitParams<'a> {
    pub edition_toml: &'a str,
    pub point: Point,
    pub coordinator: &'a str,
    pub pin: &'a str,
    /// The shortest PIN this store will accept (at least [`MIN_PIN_LENGTH`]).
    pub min_pin_length: u8,
}

fn configure(conn: &Connection) -> Result<()> {
    configure_durable(conn)?;
    // Keep the indexes of a busy day (100k cards) in memory: 32 MiB.
    conn.pragma_update(None, "cache_size", -32_000)?;
    Ok(())
}

impl Store {
    /// Sets up a new store in `dir`: schema, point, edition, keys, the first
    /// coordinator, who is logged in on the store returned.
    pub fn create(dir: &Path, params: InitParams<'_>) -> Result<Store> {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io_err(dir))?;
        let db = dir.join(DB_FILE);
        if db.exists() {
            return Err(StoreError::AlreadyInitialised(dir.to_path_buf()));
        }
        let edition = Edition::parse(params.edition_toml, "edition")?;
        let coordinator = operators::check_name(params.coordinator)?;
        let min_pin = params.min_pin_length.max(MIN_PIN_LENGTH);
        operators::check_pin(params.pin, min_pin)?;
        let secret_path = dir.join(SECRET_FILE);
        if !secret_path.exists() {
            create_private(
                &secret_path,
                hex::encode(operators::new_secret()).as_bytes(),
            )?;
        }
        let secret = read_secret(&secret_path)?;
        // Key files without a database are from a set-up that did not finish:
        // their password was never stored, so they open nothing. New ones.
        for f in [signing::KEY_FILE, signing::PUB_FILE] {
            let _ = fs::remove_file(dir.join(f));
        }
        let (kiosk, signing_password) = signing::create_sealed(dir)?;
        create_private(&db, b"")?;
        // A store is set up completely or not at all: on any failure the
        // half-made database and keys go, so `init` can simply be run again.
        Store::set_up(
            &db,
            dir,
            &coordinator,
            params,
            edition,
            secret,
            (kiosk, signing_password),
        )
        .inspect_err(|_| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{suffix}", db.display()));
            }
            for f in [signing::KEY_FILE, signing::PUB_FILE] {
                let _ = fs::remove_file(dir.join(f));
            }
        })
    }

    fn set_up(
        db: &Path,
        dir: &Path,
        coordinator: &str,
        params: InitParams<'_>,
        edition: Edition,
        secret: Vec<u8>,
        (kiosk, signing_password): (signing::KioskKey, [u8; 32]),
    ) -> Result<Store> {
        let journal_key =
            minisign::KeyPair::generate_unencrypted_keypair().map_err(|e| StoreError::Journal {
                seq: 0,
                what: super::JournalFault::NewKey(e.to_string()),
            })?;
        let unlocked = keys::Unlocked {
            journal: journal_key.sk,
            signing: Some(signing_password),
        };
        let record = keys::make_record(&secret, coordinator, params.pin, &unlocked)?;
        let mut conn = Connection::open(db)?;
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let p = &params.point;
        let meta: [(&str, String); 7] = [
            ("point_id", p.id.clone()),
            ("point_name", p.name.clone()),
            ("mobile", (p.mobile as u8).to_string()),
            (
                "central_recipient",
                p.central_recipient.clone().unwrap_or_default(),
            ),
            ("training", (p.training as u8).to_string()),
            ("edition_id", edition.id.clone()),
            ("edition_toml", params.edition_toml.to_string()),
        ];
        for (k, v) in meta {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)",
                params![k, v],
            )?;
        }
        let mut first = Entry {
            seq: 1,
            at: now(),
            operator: coordinator.to_string(),
            event: Event::StoreCreated {
                point_id: p.id.clone(),
                point_name: p.name.clone(),
                mobile: p.mobile,
                training: p.training,
                edition_id: edition.id.clone(),
                edition_sha256: keys::sha256_hex(params.edition_toml.as_bytes()),
                central_recipient: p.central_recipient.clone(),
                kiosk_public_key: kiosk.public.to_base64(),
                journal_public_key: journal_key.pk.to_base64(),
                min_pin_length: params.min_pin_length.max(MIN_PIN_LENGTH),
                signature: String::new(),
            },
        };
        let claims = check::genesis_claims(&first).unwrap_or_default();
        let signed =
            keys::sign(&kiosk.secret, &claims, &check::genesis_comment(&p.id)).map_err(|what| {
                StoreError::Journal {
                    seq: 1,
                    what: super::JournalFault::Signing(what),
                }
            })?;
        if let Event::StoreCreated { signature, .. } = &mut first.event {
            *signature = signed;
        }
        Head::read(&tx)?.append(&tx, coordinator, &first.at, first.event.clone())?;
        let seq = append(
            &tx,
            &p.id,
            coordinator,
            Event::OperatorAdded {
                name: coordinator.to_string(),
                role: Role::Coordinator.as_str().into(),
                pin_record: Some(keys::sha256_hex(record.as_bytes())),
            },
        )?;
        operators::insert(&tx, coordinator, Role::Coordinator, &record, seq)?;
        seal_head(&tx, &p.id, &unlocked.journal, 1)?;
        tx.commit()?;
        let genesis = check::genesis_of(&first).ok();
        super::presign::warm_up();
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
            point: params.point,
            edition: Arc::new(edition),
            secret,
            genesis,
            session: Some(Session {
                operator: Operator {
                    name: coordinator.to_string(),
                    role: Role::Coordinator,
                },
                unlocked,
            }),
            problems: Vec::new(),
            verified: Verified::Done,
            stop_seen: None,
            // Everything this new store holds, it wrote.
            recent: std::cell::RefCell::new(super::card_index::Recent::caught_up(seq)),
        })
    }

    /// Opens an existing store and runs the quick checks ([`check::quick`]);
    /// what they find is in [`Store::problems`], and the store refuses every
    /// write until the full check has passed ([`Store::ensure_sound`]).
    pub fn open(dir: &Path) -> Result<Store> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(StoreError::NotInitialised(dir.to_path_buf()));
        }
        let opened = |source| StoreError::Open {
            path: db.clone(),
            source,
        };
        let conn = Connection::open(&db).map_err(opened)?;
        configure(&conn).map_err(|e| match e {
            StoreError::Sqlite(source) => opened(source),
            other => other,
        })?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(opened)?;
        if version == 1 {
            return Err(StoreError::EarlierRelease(dir.to_path_buf()));
        }
        let mut conn = conn;
        if version == 2 {
            // The previous release's store: one column more (schema-3.sql),
            // nothing else changes.
            migrations()
                .to_latest(&mut conn)
                .map_err(|e| StoreError::Journal {
                    seq: 0,
                    what: super::JournalFault::Upgrade(super::SCHEMA_VERSION, e.to_string()),
                })?;
        }
        let meta = |k: &str| -> Result<String> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
                .optional()?
                .ok_or_else(|| StoreError::Journal {
                    seq: 0,
                    what: super::JournalFault::MetaMissing(k.to_string()),
                })
        };
        let recipient = meta("central_recipient")?;
        let point = Point {
            id: meta("point_id")?,
            name: meta("point_name")?,
            mobile: meta("mobile")? == "1",
            central_recipient: (!recipient.is_empty()).then_some(recipient),
            training: meta("training")? == "1",
        };
        let edition = Edition::parse(&meta("edition_toml")?, "stored edition")?;
        let secret = read_secret(&dir.join(SECRET_FILE))?;
        let quick = check::quick(&conn, dir);
        if !quick.problems.is_empty() {
            tracing::warn!(problems = quick.problems.len(), "the store is damaged");
        }
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
            point,
            edition: Arc::new(edition),
            secret,
            genesis: quick.genesis,
            session: None,
            problems: quick.problems,
            verified: Verified::NotYet,
            stop_seen: None,
            recent: Default::default(),
        })
    }
}

fn read_secret(path: &Path) -> Result<Vec<u8>> {
    let text = fs::read_to_string(path).map_err(io_err(path))?;
    hex::decode(text.trim()).map_err(|_| StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "not a hex key"),
    })
}
