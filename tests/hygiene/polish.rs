//! The office's and the card files' refusals, in Polish, with no PESEL.

use super::*;

#[test]
fn annul_speaks_polish_and_names_no_pesel() {
    let o = office();
    let tally = |args: &[&str]| {
        let out = Std::new(BIN)
            .env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(&o.tally)
            .args(args)
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let good = pesel(7);
    let mut bad = good.clone();
    let last = bad.pop().expect("digit");
    bad.push(if last == '0' { '1' } else { '0' });
    let (code, _, err) = tally(&["tally", "annul", &bad, "--reason", "wniosek"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim(),
        format!(
            "błąd: PESEL {}*****: cyfra kontrolna numeru PESEL się nie zgadza",
            &bad[..6]
        )
    );
    let (_, _, err) = tally(&["--lang", "en", "tally", "annul", &bad, "--reason", "x"]);
    assert!(err.contains("PESEL check digit is wrong"), "{err}");
    assert!(!err.contains(&bad) && !err.contains("expected"), "{err}");
    let (code, _, err) = tally(&["tally", "annul", &good, "--reason", " "]);
    assert_eq!(code, Some(2));
    assert!(err.contains("decyzja potrzebuje uzasadnienia"), "{err}");
    // A reason naming the PESEL would publish it in the audit: refused.
    let (code, _, err) = tally(&[
        "tally",
        "annul",
        &good,
        "--reason",
        &format!("wniosek {good}"),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("ciąg cyfr jak PESEL"), "{err}");
    assert!(!err.contains(&good), "{err}");
    let (code, out, _) = tally(&["tally", "annul", &good, "--reason", "wniosek z 3.10"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains(&format!("{}*****", &good[..6])) && !out.contains(&good),
        "{out}"
    );
    let (_, audit, _) = tally(&["tally", "audit"]);
    assert!(!audit.contains(&good), "{audit}");
}

#[test]
fn card_csv_and_import_online_errors_speak_polish() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let pl = |dir: &Path, args: &[&str], file: &Path| {
        let mut cmd = Std::new(BIN);
        cmd.env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .arg(file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = with_pin(cmd);
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let headerless = write(&tmp.path().join("bez.csv"), &format!("{}\n", row("k-1", 1)));
    let text = pl(&dir, &IMPORT, &headerless);
    assert!(
        text.contains("bez.csv:1: pierwsza linia nie jest nagłówkiem"),
        "{text}"
    );
    let o = office();
    let text = pl(&o.tally, &["tally", "import-online"], &headerless);
    assert!(
        text.contains("ODRZUCONY — ") && text.contains("pierwsza linia nie jest nagłówkiem"),
        "{text}"
    );
    let rows = write(
        &tmp.path().join("zle.csv"),
        &format!(
            "{HEADER}\n{}\nk-2,{},Ewa,Nowak,x,28.09.2014,I,1,1,1\n,{},Ewa,Nowak,x,2014-09-28,I,1,1,1\n",
            row("k-1", 1),
            pesel(2),
            pesel(3)
        ),
    );
    let text = pl(&o.tally, &["tally", "import-online"], &rows);
    assert!(
        text.contains("nic nie zaimportowano; linia 3: cast_date \"28.09.2014\" nie jest datą w postaci RRRR-MM-DD; linia 4: brak id wiersza"),
        "{text}"
    );
    let long = write(
        &tmp.path().join("dlugie.csv"),
        &format!(
            "{HEADER}\nk-9,{},{},Nowak,x,2014-09-28,I,1,1,1\n",
            pesel(4),
            "J".repeat(65)
        ),
    );
    let text = pl(&dir, &IMPORT, &long);
    assert!(
        text.contains("first_name ma 65 znaków, a może mieć najwyżej 64"),
        "{text}"
    );
}

#[test]
fn edition_errors_speak_polish() {
    let tmp = tempfile::tempdir().expect("tmp");
    let polish = |args: &[&str]| {
        let out = Std::new(BIN)
            .env_remove("URNA_DATA_DIR")
            .args(args)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let e = write(
        &tmp.path().join("e.toml"),
        &MINI.replace("id = \"ID\"", "id = \"1|2\""),
    );
    let err = polish(&["edition", "check", e.to_str().expect("path")]);
    assert!(
        err.contains("e.toml:15:10: numer zadania \"1|2\" (lista ogólnomiejska) zawiera `|`"),
        "{err}"
    );
    let pb = write(
        &tmp.path().join("city.pb"),
        &pb(&[("max_length", "0")], &["1;100;A"]),
    );
    let out = tmp.path().join("out.toml");
    let err = polish(&[
        "edition",
        "import-pabulib",
        "--out",
        out.to_str().expect("path"),
        pb.to_str().expect("path"),
    ]);
    assert!(
        err.contains("city.pb:11: META `max_length` 0: karta ma od 1 do 20 wyborów"),
        "{err}"
    );
}
