//! The shell completions `urna generate-assets` writes: their descriptions
//! in the language urna will speak for the line being completed, its
//! `--lang` (`--lang uk` or `--lang=uk`), else Polish, urna's default.
//! One file per shell serves all three languages, as the package installs
//! one.
//!
//! - bash shows no descriptions, only the words: clap_complete's script
//!   from the plain command.
//! - zsh: clap_complete's script once per language, its functions renamed
//!   (`_urna_pl…`, `_urna_en…`, `_urna_uk…`), and an `_urna` that reads
//!   `--lang` from the words already typed and hands over to one of them.
//! - fish: clap_complete's `complete` lines once per language, each under
//!   the condition `__urna_lang LANG` (which reads `--lang` the same way),
//!   after the helper functions, which do not depend on the language.

use std::path::Path;

use clap::{Command, CommandFactory};

use super::{Cli, help};
use crate::i18n::Lang;
use crate::tr;

const LANGS: [Lang; 3] = [Lang::Pl, Lang::En, Lang::Uk];

/// Writes `urna.bash`, `_urna` and `urna.fish` into `out`.
pub(super) fn write(out: &Path) -> std::io::Result<()> {
    std::fs::write(
        out.join("urna.bash"),
        generated(clap_complete::Shell::Bash, visible(Cli::command())),
    )?;
    std::fs::write(out.join("_urna"), zsh())?;
    std::fs::write(out.join("urna.fish"), fish())?;
    Ok(())
}

/// What users are meant to type: the command without its hidden
/// subcommands (clap_complete would offer those too).
fn visible(full: Command) -> Command {
    Command::new("urna")
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
}

/// The visible command with its help in `lang`.
fn in_lang(lang: Lang) -> Command {
    help_trees(help::for_completions(visible(Cli::command()), lang))
}

/// clap gives each `help` subcommand a copy of its siblings' tree (names
/// and about) when it builds the whole command at once; the localized
/// command is built a level at a time, so the copies are made here, from
/// the localized siblings: `urna operator help ` + Tab offers add and list.
fn help_trees(mut cmd: Command) -> Command {
    let copies: Vec<Command> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help" && !s.is_hide_set())
        .map(subtree)
        .collect();
    if !copies.is_empty() && cmd.find_subcommand("help").is_some() {
        // As clap's own copy: the tree instead of the words after `help`
        // (which zsh would complete as any file or command).
        cmd = cmd.mut_subcommand("help", |h| {
            let fresh = Command::new("help")
                .disable_help_flag(true)
                .disable_version_flag(true)
                .disable_help_subcommand(true)
                .subcommands(copies);
            match h.get_about() {
                Some(about) => fresh.about(about.clone()),
                None => fresh,
            }
        });
    }
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() != "help" {
            *sub = help_trees(std::mem::take(sub));
        }
    }
    cmd
}

/// A command's names and about, and its subcommands', for a help tree.
fn subtree(c: &Command) -> Command {
    let mut t = Command::new(c.get_name().to_string())
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true);
    if let Some(about) = c.get_about() {
        t = t.about(about.clone());
    }
    t.subcommands(
        c.get_subcommands()
            .filter(|s| s.get_name() != "help" && !s.is_hide_set())
            .map(subtree),
    )
}

fn generated(shell: clap_complete::Shell, mut cmd: Command) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "urna", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// clap_complete's last lines, which call `_urna` or register it: written
/// once, for the dispatcher, at the end of the file.
const ZSH_TAIL: &str = "if [ \"$funcstack[1]\" = \"_urna\" ]; then";

fn zsh() -> String {
    let mut out = String::from(
        "#compdef urna\n\n\
         # The descriptions are in the language urna speaks for the line:\n\
         # its --lang, else Polish (see src/cli/completions.rs).\n\n\
         autoload -U is-at-least\n\n\
         _urna() {\n\
         \x20   local lang=pl i\n\
         \x20   for (( i = 2; i < CURRENT; i++ )); do\n\
         \x20       case $words[i] in\n\
         \x20           (--lang) lang=$words[i+1] ;;\n\
         \x20           (--lang=*) lang=${words[i]#--lang=} ;;\n\
         \x20       esac\n\
         \x20   done\n\
         \x20   case $lang in\n\
         \x20       (en) _urna_en \"$@\" ;;\n\
         \x20       (uk) _urna_uk \"$@\" ;;\n\
         \x20       (*) _urna_pl \"$@\" ;;\n\
         \x20   esac\n\
         }\n\n",
    );
    for lang in LANGS {
        let script = generated(clap_complete::Shell::Zsh, in_lang(lang));
        let body = script
            .split_once("autoload -U is-at-least\n")
            .map_or(script.as_str(), |(_, rest)| rest);
        let body = body.split_once(ZSH_TAIL).map_or(body, |(head, _)| head);
        let renamed = body.replace("_urna", &format!("_urna_{}", lang.code()));
        out.push_str(&zsh_tags(lang, &renamed));
    }
    out.push_str(
        "if [ \"$funcstack[1]\" = \"_urna\" ]; then\n\
         \x20   _urna \"$@\"\n\
         else\n\
         \x20   compdef _urna urna\n\
         fi\n",
    );
    out
}

/// The label of each list of subcommands (`'urna central commands'`, shown
/// where a zsh user asks for group headings) in `lang`:
/// `'urna central — polecenia'`.
fn zsh_tags(lang: Lang, script: &str) -> String {
    let commands = tr!(lang, "help-heading-commands").to_lowercase();
    let mut out = String::with_capacity(script.len());
    for line in script.split_inclusive('\n') {
        let tag = line
            .strip_prefix("    _describe -t commands '")
            .and_then(|rest| rest.split_once(" commands' "));
        match tag {
            Some((path, rest)) => {
                out.push_str(&format!(
                    "    _describe -t commands '{path} — {commands}' {rest}"
                ));
            }
            None => out.push_str(line),
        }
    }
    out
}

const FISH_LANG: &str = r#"# The descriptions are in the language urna speaks for the line: its
# --lang, else Polish (see src/cli/completions.rs).
# (fish's builtins only, and the answer kept for the line: it runs for each
# line of this file at every Tab.)
function __urna_lang
    set -l words (commandline -opc)
    if test "$words" != "$__urna_lang_of"; or not set -q __urna_lang_is
        set -g __urna_lang_of "$words"
        set -g __urna_lang_is pl
        set -l after_flag 0
        for word in $words
            if test $after_flag = 1
                set __urna_lang_is $word
                set after_flag 0
                continue
            end
            switch $word
                case --lang
                    set after_flag 1
                case '--lang=*'
                    set __urna_lang_is (string replace -- --lang= '' $word)
            end
        end
        contains -- $__urna_lang_is pl en uk
        or set __urna_lang_is pl
    end
    test "$__urna_lang_is" = "$argv[1]"
end

"#;

fn fish() -> String {
    let mut helpers = String::new();
    let mut lines = String::new();
    for lang in LANGS {
        let script = generated(clap_complete::Shell::Fish, in_lang(lang));
        let (head, completes) = match script.find("\ncomplete -c urna") {
            Some(at) => script.split_at(at + 1),
            None => (script.as_str(), ""),
        };
        if helpers.is_empty() {
            helpers = head.to_string();
        }
        let cond = format!("__urna_lang {}", lang.code());
        for line in completes.split_inclusive('\n') {
            match line.strip_prefix("complete -c urna -n \"") {
                Some(rest) => lines.push_str(&format!("complete -c urna -n \"{cond}; and {rest}")),
                None => match line.strip_prefix("complete -c urna ") {
                    Some(rest) => lines.push_str(&format!("complete -c urna -n \"{cond}\" {rest}")),
                    // The next line of a list of values.
                    None => lines.push_str(line),
                },
            }
        }
    }
    format!("{FISH_LANG}{helpers}{lines}")
}
