//! The shell completions `urna generate-assets` writes describe every
//! command in the language urna speaks for the line being completed: its
//! `--lang`, else Polish. Tried with the real fish (`complete -C`) for every
//! command of the tree in the three languages, and with the real zsh in a
//! pseudo-terminal, pressing Tab.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use clap::CommandFactory;
use urna::cli::Cli;
use urna::i18n::{Lang, lookup};

fn assets() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ok = Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["generate-assets", "--out"])
        .arg(tmp.path())
        .status()
        .expect("run urna generate-assets");
    assert!(ok.success());
    tmp
}

/// What fish offers after `line`: (candidate, description) pairs.
fn fish_offers(dir: &Path, line: &str) -> Vec<(String, String)> {
    let out = Command::new("fish")
        .arg("--no-config")
        .arg("-c")
        .arg(format!(
            "source {}; complete -C '{line}'",
            dir.join("urna.fish").display()
        ))
        .output()
        .expect("fish runs (bash test.sh installs it)");
    assert!(
        out.status.success(),
        "fish: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((c, d)) => (c.to_string(), d.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Every visible command that has subcommands, as a path of names.
fn parents(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Vec<String>)>) {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    if subs.is_empty() {
        return;
    }
    out.push((path.clone(), subs));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        path.push(sub.get_name().to_string());
        parents(sub, path, out);
        path.pop();
    }
}

/// A subcommand's description as the catalog has it in `lang`.
fn about(lang: Lang, path: &[String], name: &str) -> String {
    let mut id = vec!["help".to_string()];
    id.extend(path.iter().cloned());
    id.push(name.to_string());
    let text = lookup(lang, &id.join("-"), &[]);
    assert_ne!(text, id.join("-"), "no message {}", id.join("-"));
    text
}

#[test]
fn fish_describes_every_command_in_the_language_of_the_line() {
    let tmp = assets();
    let mut all = Vec::new();
    parents(&Cli::command(), &mut Vec::new(), &mut all);
    assert!(all.len() >= 6, "{all:?}");
    // No --lang: Polish, urna's default; then each language, both spellings.
    let ways: [(Lang, &str); 5] = [
        (Lang::Pl, ""),
        (Lang::Pl, "--lang pl "),
        (Lang::En, "--lang en "),
        (Lang::Uk, "--lang uk "),
        (Lang::Uk, "--lang=uk "),
    ];
    for (lang, flag) in ways {
        for (path, subs) in &all {
            let line = format!(
                "urna {flag}{}",
                path.iter().map(|p| format!("{p} ")).collect::<String>()
            );
            let offers = fish_offers(tmp.path(), &line);
            for name in subs {
                let want = if name == "help" {
                    lookup(lang, "help-command-help", &[])
                } else {
                    about(lang, path, name)
                };
                let got = offers.iter().find(|(c, _)| c == name);
                assert_eq!(
                    got.map(|(_, d)| d.as_str()),
                    Some(want.as_str()),
                    "`{line}` + Tab offers {name} with the wrong words: {offers:?}"
                );
            }
        }
    }
    // An option and a value's help follow the line's language too.
    let offers = fish_offers(tmp.path(), "urna --lang uk verification set --");
    let pin = offers
        .iter()
        .find(|(c, _)| c == "--pin-stdin")
        .expect("--pin-stdin offered");
    assert_eq!(
        pin.1,
        lookup(Lang::Uk, "help-verification-set-pin-stdin", &[])
    );
}

#[test]
fn fish_completes_the_commands_after_help() {
    let tmp = assets();
    for (lang, line) in [
        (Lang::Pl, "urna operator help "),
        (Lang::En, "urna --lang en operator help "),
    ] {
        let offers = fish_offers(tmp.path(), line);
        let path = ["operator".to_string()];
        for name in ["add", "list"] {
            let got = offers
                .iter()
                .find(|(c, _)| c == name)
                .map(|(_, d)| d.clone());
            assert_eq!(
                got,
                Some(about(lang, &path, name)),
                "`{line}` + Tab: {offers:?}"
            );
        }
    }
}

/// zsh, interactive in a pty, with the completion system on and the file
/// on its `fpath`: what the screen shows after `line` and Tab.
fn zsh_lists(dir: &Path, line: &str) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new("zsh");
    cmd.args(["-f", "-i"]);
    cmd.env("TERM", "dumb");
    let bin = Path::new(env!("CARGO_BIN_EXE_urna"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    cmd.env(
        "PATH",
        format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        ),
    );
    let mut child = pair
        .slave
        .spawn_command(cmd)
        .expect("zsh runs (bash test.sh installs it)");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut w = pair.master.take_writer().expect("writer");
    let setup = format!(
        "fpath=({} $fpath); autoload -U compinit; compinit -u; \
         zstyle ':completion:*' format '[%d]'; PS1='READY> '; echo SET''UP\n",
        dir.display()
    );
    w.write_all(setup.as_bytes()).expect("type");
    let mut seen = String::new();
    let until = |seen: &mut String, what: &str| {
        let end = Instant::now() + Duration::from_secs(30);
        while !seen.contains(what) && Instant::now() < end {
            if let Ok(b) = rx.recv_timeout(Duration::from_millis(50)) {
                seen.push_str(&String::from_utf8_lossy(&b));
            }
        }
    };
    until(&mut seen, "SETUP");
    seen.clear();
    w.write_all(format!("{line}\t").as_bytes()).expect("type");
    // The list comes, then the prompt and the line again.
    until(&mut seen, "--");
    let end = Instant::now() + Duration::from_millis(700);
    while Instant::now() < end {
        if let Ok(b) = rx.recv_timeout(Duration::from_millis(50)) {
            seen.push_str(&String::from_utf8_lossy(&b));
        }
    }
    let _ = child.kill();
    seen.replace('\r', "")
}

fn zsh_line(screen: &str, candidate: &str) -> String {
    screen
        .lines()
        .find(|l| l.starts_with(&format!("{candidate} ")))
        .map(|l| {
            l.split_once(" -- ")
                .map_or("", |(_, d)| d)
                .trim_end()
                .to_string()
        })
        .unwrap_or_else(|| panic!("zsh lists no {candidate}:\n{screen}"))
}

#[test]
fn zsh_lists_commands_and_values_in_the_language_of_the_line() {
    let tmp = assets();
    let path = ["operator".to_string()];
    for (lang, flag) in [
        (Lang::Pl, ""),
        (Lang::En, "--lang en "),
        (Lang::Uk, "--lang uk "),
        (Lang::Uk, "--lang=uk "),
    ] {
        let screen = zsh_lists(tmp.path(), &format!("urna {flag}operator "));
        assert_eq!(
            zsh_line(&screen, "list"),
            about(lang, &path, "list"),
            "{screen}"
        );
        let heading = lookup(lang, "help-heading-commands", &[]).to_lowercase();
        assert!(
            screen.contains(&format!("[urna operator — {heading}]")),
            "{screen}"
        );
    }
    // After `help`, the commands whose help it shows (clap's own tree).
    for (lang, flag) in [(Lang::Pl, ""), (Lang::Uk, "--lang uk ")] {
        let screen = zsh_lists(tmp.path(), &format!("urna {flag}operator help "));
        assert_eq!(
            zsh_line(&screen, "list"),
            about(lang, &path, "list"),
            "{screen}"
        );
    }
    // A value's help: `verification set`'s mode.
    for lang in [Lang::Pl, Lang::En, Lang::Uk] {
        let screen = zsh_lists(
            tmp.path(),
            &format!("urna --lang {} verification set ", lang.code()),
        );
        assert_eq!(
            zsh_line(&screen, "all"),
            lookup(lang, "help-verification-set-mode-value-all", &[]),
            "{screen}"
        );
    }
}
