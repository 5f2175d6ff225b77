//! The training kiosk's store: the bundled 2014 edition, two demo operators
//! whose PINs the login screen shows, cards marked as training, the voting
//! window not checked.

use std::path::Path;

use super::DemoOperator;
use crate::store::{DB_FILE, InitParams, Point, Role, Store, StoreError};

/// The practice office identity of a training store (`age -d -i` reads it).
pub const DEMO_OFFICE_KEY: &str = "demo-office-key.txt";

/// The bundled 2014 edition, built into the binary.
pub const BUNDLED_2014: &str = include_str!("../../assets/editions/krakow-2014.toml");

/// The demo operators and their PINs, shown on the login screen.
pub fn demo_operators() -> Vec<DemoOperator> {
    vec![
        DemoOperator {
            name: "Anna".into(),
            role: Role::Coordinator,
            pin: "1234".into(),
        },
        DemoOperator {
            name: "Bartek".into(),
            role: Role::Volunteer,
            pin: "5678".into(),
        },
    ]
}

/// Sets up (or reopens) a training store in `dir`.
pub fn demo_store(dir: &Path) -> Result<Store, StoreError> {
    if dir.join(DB_FILE).exists() {
        return Store::open(dir);
    }
    let ops = demo_operators();
    // A practice office key, so trainees can export (and decrypt) a bundle.
    let office = age::x25519::Identity::generate();
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let office_file = dir.join(DEMO_OFFICE_KEY);
    {
        use age::secrecy::ExposeSecret;
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&office_file)
            .map_err(|source| StoreError::Io {
                path: office_file.clone(),
                source,
            })?;
        writeln!(f, "{}", office.to_string().expose_secret()).map_err(|source| StoreError::Io {
            path: office_file.clone(),
            source,
        })?;
    }
    let mut store = Store::create(
        dir,
        InitParams {
            edition_toml: BUNDLED_2014,
            point: Point {
                id: "DEMO".into(),
                name: "Punkt szkoleniowy".into(),
                mobile: false,
                central_recipient: Some(office.to_public().to_string()),
                training: true,
            },
            coordinator: &ops[0].name,
            pin: &ops[0].pin,
            min_pin_length: crate::store::MIN_PIN_LENGTH,
        },
    )?;
    for op in &ops[1..] {
        store.add_operator(&op.name, op.role, &op.pin, &ops[0].name)?;
    }
    let first_day = store.edition().voting_start;
    store.set_day(first_day, &ops[0].name)?;
    Ok(store)
}
