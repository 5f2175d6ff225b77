//! What the Debian package ships is generated from the CLI definition: every
//! subcommand has its man page, is listed in its parent's, and completes in
//! bash, zsh and fish.

use assert_cmd::Command;
use clap::CommandFactory;
use urna::cli::Cli;

/// Every visible subcommand as a path of names: ["operator", "add"], …
fn subcommand_paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        out.push(path.clone());
        subcommand_paths(sub, &path, out);
    }
}

#[test]
fn every_subcommand_is_in_the_man_pages_and_completions() {
    let tmp = tempfile::tempdir().expect("tempdir");
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["generate-assets", "--out"])
        .arg(tmp.path())
        .assert()
        .success();
    let read = |name: &str| {
        std::fs::read_to_string(tmp.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut paths = Vec::new();
    subcommand_paths(&Cli::command(), &[], &mut paths);
    assert!(paths.len() >= 15, "{paths:?}");
    let bash = read("urna.bash");
    let zsh = read("_urna");
    let fish = read("urna.fish");
    for path in &paths {
        let name = path.last().expect("name");
        // Its own page, naming it…
        let page = format!("urna-{}.1", path.join("-"));
        let own = read(&page);
        // Roff writes every dash as \-.
        let roff = |s: &str| s.replace('-', "\\-");
        assert!(own.contains(&roff(name)), "{page} does not name {name}");
        // …and listed in its parent's page.
        let parent = if path.len() == 1 {
            "urna.1".to_string()
        } else {
            format!("urna-{}.1", path[..path.len() - 1].join("-"))
        };
        assert!(
            read(&parent).contains(&roff(&format!("urna-{}", path.join("-")))),
            "{parent} does not list {}",
            path.join(" ")
        );
        for (shell, text) in [("bash", &bash), ("zsh", &zsh), ("fish", &fish)] {
            assert!(
                text.contains(name.as_str()),
                "{shell} completion lacks {name}"
            );
        }
    }
    // The hidden generator is not advertised.
    assert!(!read("urna.1").contains("generate"));
    assert!(!bash.contains("generate-assets"));
}

#[test]
fn the_version_names_the_commit() {
    let out = Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("--version")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("urna {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
}
