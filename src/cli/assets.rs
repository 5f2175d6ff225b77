//! `urna generate-assets DIR`: what the Debian package ships made from the
//! command line's definition. The man pages in English (`DIR/*.1`, from
//! the plain [`Cli::command`](clap::CommandFactory::command)), in Polish
//! (`DIR/pl/`) and in Ukrainian (`DIR/uk/`, from [`help::localized`]'s),
//! and the shell completions for bash, zsh and fish, whose descriptions
//! follow the `--lang` of the line being completed (`completions.rs`).

use std::path::Path;

use clap::{Command, CommandFactory};

use super::{Cli, Failure, completions, help};
use crate::i18n::Lang;
use crate::tr;

/// Writes the man pages and completions into `out`.
pub fn generate(out: &Path) -> Result<u8, Failure> {
    let fail = |e: std::io::Error| {
        Failure::usage(format!(
            "{}: {}",
            out.display(),
            crate::foreign::io_error(Lang::En, &e)
        ))
    };
    std::fs::create_dir_all(out).map_err(fail)?;
    // urna.1, and a page per subcommand (urna-operator.1, urna-operator-add.1…).
    clap_mangen::generate_to(Cli::command(), out).map_err(fail)?;
    for lang in [Lang::Pl, Lang::Uk] {
        let dir = out.join(lang.code());
        std::fs::create_dir_all(&dir).map_err(fail)?;
        man_pages(lang, &dir).map_err(fail)?;
    }
    completions::write(out).map_err(fail)?;
    Ok(0)
}

/// The pages `clap_mangen::generate_to` writes, from the help in `lang`,
/// their section headings in `lang` too. No help subcommand (as in
/// English), and an environment variable named without its value on the
/// machine that builds the package.
fn man_pages(lang: Lang, dir: &Path) -> std::io::Result<()> {
    let plain = without_env_values(Cli::command().disable_help_subcommand(true));
    let mut cmd = help::localized(plain, lang);
    cmd.build();
    write_pages(lang, cmd, dir)
}

fn without_env_values(cmd: Command) -> Command {
    let mut cmd = cmd.mut_args(|a| {
        let has_env = a.get_env().is_some();
        a.hide_env_values(has_env)
    });
    for sub in cmd.get_subcommands_mut() {
        *sub = without_env_values(std::mem::take(sub));
    }
    cmd
}

fn write_pages(lang: Lang, cmd: Command, dir: &Path) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(lang, sub.clone(), dir)?;
    }
    let man = clap_mangen::Man::new(cmd);
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    let roff = String::from_utf8(roff).map_err(std::io::Error::other)?;
    std::fs::write(dir.join(man.get_filename()), headings(lang, &roff))
}

/// clap_mangen's section headings (`.SH NAME`…) in `lang`.
fn headings(lang: Lang, roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.split_inclusive('\n') {
        let heading = match line.trim_end().strip_prefix(".SH ") {
            Some("NAME") => Some(tr!(lang, "help-man-name")),
            Some("SYNOPSIS") => Some(tr!(lang, "help-man-synopsis")),
            Some("DESCRIPTION") => Some(tr!(lang, "help-man-description")),
            Some("OPTIONS") => Some(tr!(lang, "help-man-options")),
            Some("SUBCOMMANDS") => Some(tr!(lang, "help-man-commands")),
            Some("VERSION") => Some(tr!(lang, "help-man-version")),
            _ => None,
        };
        match heading {
            Some(h) => {
                out.push_str(&format!(".SH \"{h}\""));
                out.push_str(&line[line.trim_end().len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}
