//! Help and usage in the user's language. clap writes `--help` from the
//! derive's doc comments and from its own English words; [`localized`] takes
//! the command as clap builds it and puts the catalogs' words
//! (`assets/locales/*/cli-help.ftl`) in their place: every command's about
//! (`help-<command path>`, `help-urna` for urna itself), every argument's
//! help (`help-<command path>-<argument>`, a global argument under the
//! command that defines it), a possible value's help
//! (`…-<argument>-value-<value>`), and clap's own words: the headings, the
//! help flag and subcommand, `[default: …]`, `[possible values: …]` and
//! `[env: …]`. The English catalog holds the doc comments' words, so the
//! English help reads as it always has (`tests/catalogs.rs` holds the two
//! together, and finds every id here through [`messages`]).
//!
//! `main` parses with the plain command and only when clap refuses the
//! command line (help is a refusal too) parses it again with
//! [`localized`]'s: reading the catalogs and rewording forty commands would
//! cost every other run of urna (a test suite's thousands of them) some
//! milliseconds for nothing.
//!
//! The usage line and the placeholders: every value name (`<PATH>` is
//! `<ŚCIEŻKA>`, `help-value-path`; an argument of `OWN_PLACEHOLDER` has
//! its own), clap's `<COMMAND>` (`help-value-command`) and `[OPTIONS]`
//! (`help-usage-options`, which clap lets change only by writing each
//! command's usage line anew: [`localized`] writes them, in Polish and
//! Ukrainian only). The Polish and Ukrainian usage errors name arguments by
//! the same placeholders as the help (`--edition <PLIK>`). English is
//! clap's own, byte for byte: clap's words after an argument's help are
//! left to clap, and the usage line too.
//!
//! The man pages in Polish and Ukrainian are made from [`localized`]'s
//! command (`urna generate-assets`, `src/cli/assets.rs`), their section
//! headings from `help-man-…`. The shell completions' descriptions are
//! [`localized`]'s too, in each language, chosen by the `--lang` of the
//! line being completed (`src/cli/completions.rs`).

use std::fmt::Write as _;

use clap::builder::{PossibleValue, Styles};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{self, Lang};
use crate::tr;

/// A message the help takes from the catalogs: its id and the English
/// words the derive gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub english: String,
}

/// Every message [`localized`] asks the catalogs for on `cmd` (the plain
/// `Cli::command()`, not yet built), with the English words it replaces.
/// clap's own words are not among them: the code names those by literal id.
pub fn messages(cmd: &Command) -> Vec<Message> {
    let mut out = Vec::new();
    collect(cmd, &mut Vec::new(), &mut out);
    out
}

fn collect(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Message>) {
    // A placeholder shared by many arguments is one message.
    let mut push = |id: String, text: Option<String>| {
        if let Some(english) = text
            && !out.iter().any(|m| m.id == id)
        {
            out.push(Message { id, english });
        }
    };
    let id = command_id(path);
    push(
        format!("{id}-long"),
        cmd.get_long_about().map(|t| t.to_string()),
    );
    push(id, cmd.get_about().map(|t| t.to_string()));
    for arg in cmd.get_arguments() {
        let id = arg_id(path, arg);
        push(
            format!("{id}-long"),
            arg.get_long_help().map(|t| t.to_string()),
        );
        push(id.clone(), arg.get_help().map(|t| t.to_string()));
        for pv in arg.get_possible_values() {
            push(value_id(&id, &pv), pv.get_help().map(|t| t.to_string()));
        }
        if arg.get_action().takes_values() {
            for name in arg.get_value_names().unwrap_or_default() {
                push(placeholder_id(&id, name), Some(name.to_string()));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_string());
        collect(sub, path, out);
        path.pop();
    }
}

/// `help-urna`, `help-tally`, `help-tally-import`.
fn command_id(path: &[String]) -> String {
    if path.is_empty() {
        "help-urna".to_string()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// `help-lang`, `help-tally-import-investigation`, `help-sync-pin-stdin`.
fn arg_id(path: &[String], arg: &Arg) -> String {
    let name = arg.get_id().as_str().replace('_', "-");
    if path.is_empty() {
        format!("help-{name}")
    } else {
        format!("help-{}-{name}", path.join("-"))
    }
}

fn value_id(arg_id: &str, pv: &PossibleValue) -> String {
    format!("{arg_id}-value-{}", pv.get_name())
}

/// The arguments whose placeholder is their own message, not the one they
/// share with the others of its name: `--point-name <NAME>` names a place,
/// every other `<NAME>` a person.
const OWN_PLACEHOLDER: &[&str] = &["help-init-point-name"];

/// A value name's message: `help-value-path` for `<PATH>`, `help-value-kiosk-pubkey`
/// for `<KIOSK_PUBKEY>`; `…-placeholder` for an argument of [`OWN_PLACEHOLDER`].
fn placeholder_id(arg_id: &str, name: &str) -> String {
    if OWN_PLACEHOLDER.contains(&arg_id) {
        format!("{arg_id}-placeholder")
    } else {
        format!("help-value-{}", name.to_lowercase().replace('_', "-"))
    }
}

/// The message `id` in `lang`; the English words as clap has them if the
/// catalogs lack it (which `tests/catalogs.rs` refuses).
fn text(lang: Lang, id: &str, english: &impl std::fmt::Display) -> String {
    let t = i18n::lookup(lang, id, &[]);
    if t == id { english.to_string() } else { t }
}

/// `cmd` (the plain `Cli::command()`) with its help and usage in `lang`,
/// ready to parse with.
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    localize(&mut cmd, lang, &mut Vec::new(), &[], Purpose::Help);
    if lang != Lang::En {
        // The usage lines, now with the value names in `lang`, as clap
        // writes them once the whole tree is built (a subcommand's begins
        // with its parents' names), on a copy: building this one would
        // change what `urna help help` shows.
        let mut built = cmd.clone();
        built.build();
        let options = format!("[{}]", tr!(lang, "help-usage-options"));
        override_usage(&mut cmd, &mut built, &options);
    }
    cmd
}

/// `cmd` with the help of its commands, arguments and values in `lang`,
/// for the shell completions: each argument's help alone (a completion
/// shows none of what clap adds after it, `[default: …]` and the rest, nor
/// the value of an environment variable on the machine that made the
/// file), and the values' help in `lang` too. Not for parsing: the values'
/// parser is replaced.
pub(super) fn for_completions(mut cmd: Command, lang: Lang) -> Command {
    localize(&mut cmd, lang, &mut Vec::new(), &[], Purpose::Completions);
    cmd
}

/// What [`localize`] makes a command for.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    Help,
    Completions,
}

/// `cmd`'s usage line, and its subcommands', as `built` (its built copy)
/// writes it, with `options` for clap's `[OPTIONS]`: clap lets no other
/// word of the usage line change. Not in English, where the line is clap's
/// own, and its errors' usage (which names only the arguments given) too.
fn override_usage(cmd: &mut Command, built: &mut Command, options: &str) {
    let u = built.get_styles().get_usage();
    let title = format!("{u}Usage:{u:#} ");
    let usage = built.render_usage().ansi().to_string();
    let line = usage
        .strip_prefix(&title)
        .unwrap_or(&usage)
        .replace("[OPTIONS]", options);
    *cmd = std::mem::take(cmd).override_usage(line);
    for sub in cmd.get_subcommands_mut() {
        if let Some(b) = built.find_subcommand_mut(sub.get_name()) {
            override_usage(sub, b, options);
        }
    }
}

/// One command and, below it, its subcommands. `inherited`: the global
/// arguments of the commands above, with the message id of the command
/// that defines each.
fn localize(
    cmd: &mut Command,
    lang: Lang,
    path: &mut Vec<String>,
    inherited: &[(String, String)],
    purpose: Purpose,
) {
    // clap builds a command (adds its help flag and help subcommand, hands
    // the global arguments down) when it is first used, and only then are
    // those there to be reworded. `render_usage` has clap do that to this
    // one command: `Command::build` would also give the help subcommand a
    // copy of the whole tree, and change what `urna help help` shows.
    let _ = cmd.render_usage();
    let styles = cmd.get_styles().clone();
    let mut globals = inherited.to_vec();
    for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
        let name = arg.get_id().as_str();
        if !globals.iter().any(|(g, _)| g == name) {
            globals.push((name.to_string(), arg_id(path, arg)));
        }
    }
    let id = command_id(path);
    let mut c = std::mem::take(cmd);
    if c.has_subcommands() {
        c = c.subcommand_value_name(tr!(lang, "help-value-command"));
    }
    if let Some(about) = c.get_about() {
        let about = text(lang, &id, about);
        c = c.about(about);
    }
    if let Some(about) = c.get_long_about() {
        let about = text(lang, &format!("{id}-long"), about);
        c = c.long_about(about);
    }
    c = c.mut_args(|arg| {
        let id = globals
            .iter()
            .find(|(g, _)| arg.is_global_set() && g == arg.get_id().as_str())
            .map_or_else(|| arg_id(path, &arg), |(_, id)| id.clone());
        localize_arg(arg, lang, &id, &styles, purpose)
    });
    let template = template(&c, lang, &styles);
    c = c.help_template(template);
    for sub in c.get_subcommands_mut() {
        if sub.get_name() == "help" {
            help_subcommand(sub, lang);
        } else {
            path.push(sub.get_name().to_string());
            localize(sub, lang, path, &globals, purpose);
            path.pop();
        }
    }
    *cmd = c;
}

/// clap's `help` subcommand: its about and its argument's help.
fn help_subcommand(cmd: &mut Command, lang: Lang) {
    let _ = cmd.render_usage();
    let styles = cmd.get_styles().clone();
    let c = std::mem::take(cmd)
        .about(tr!(lang, "help-command-help"))
        .mut_args(|arg| {
            arg.help(tr!(lang, "help-command-help-subcommand"))
                .value_name(tr!(lang, "help-value-command"))
        });
    let template = template(&c, lang, &styles);
    *cmd = c.help_template(template);
}

/// clap's help layout with the headings in `lang`: what clap's default
/// template and `{all-args}` write, section by section (commands,
/// arguments, options), each section only if it shows something. The
/// headings keep clap's styles (bold and underlined on a terminal). urna
/// gives no argument a heading of its own (`{options}` takes them all) and
/// hides none from only the short or only the long help.
fn template(cmd: &Command, lang: Lang, styles: &Styles) -> String {
    let (h, u) = (styles.get_header(), styles.get_usage());
    let mut sections = Vec::new();
    if cmd
        .get_subcommands()
        .any(|s| s.get_name() != "help" && !s.is_hide_set())
    {
        sections.push((tr!(lang, "help-heading-commands"), "{subcommands}"));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push((tr!(lang, "help-heading-arguments"), "{positionals}"));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push((tr!(lang, "help-heading-options"), "{options}"));
    }
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{u}{}:{u:#} {{usage}}",
        tr!(lang, "help-heading-usage")
    );
    for (heading, tag) in &sections {
        t.push_str("\n\n");
        let _ = write!(t, "{h}{heading}:{h:#}\n{tag}");
    }
    t.push_str("{after-help}");
    t
}

/// One argument's help and long help in `lang`, with what clap would add
/// after them (`[env: …]`, `[default: …]`, `[possible values: …]`, the
/// long help's list of values) written in `lang` and clap's own hidden.
fn localize_arg(arg: Arg, lang: Lang, id: &str, styles: &Styles, purpose: Purpose) -> Arg {
    let mut help = arg.get_help().map(|h| text(lang, id, h));
    let mut long = arg
        .get_long_help()
        .map(|h| text(lang, &format!("{id}-long"), h));
    match (arg.get_id().as_str(), arg.get_action()) {
        ("help", ArgAction::Help) => {
            // clap's long form when the command has a long help.
            if long.is_some() {
                help = Some(tr!(lang, "help-flag-help-see-more"));
                long = Some(tr!(lang, "help-flag-help-see-summary"));
            } else {
                help = Some(tr!(lang, "help-flag-help"));
            }
        }
        ("version", ArgAction::Version) => help = Some(tr!(lang, "help-flag-version")),
        _ => {}
    }
    // clap's own words are English already, and it lays them out itself.
    let specs = if lang == Lang::En || purpose == Purpose::Completions {
        Specs::default()
    } else {
        Specs::of(&arg, lang, id, styles)
    };
    let mut arg = arg;
    if purpose == Purpose::Completions {
        let values: Vec<PossibleValue> = arg
            .get_possible_values()
            .into_iter()
            .map(
                |p| match p.get_help().map(|h| text(lang, &value_id(id, &p), h)) {
                    Some(h) => p.help(h),
                    None => p,
                },
            )
            .collect();
        if !values.is_empty() {
            arg = arg.value_parser(clap::builder::PossibleValuesParser::new(values));
        }
    }
    if arg.get_action().takes_values()
        && let Some(names) = arg.get_value_names()
    {
        let names: Vec<String> = names
            .iter()
            .map(|n| text(lang, &placeholder_id(id, n), n))
            .collect();
        arg = arg.value_names(names);
    }
    if specs.env.is_some() {
        arg = arg.hide_env(true);
    }
    if specs.default.is_some() {
        arg = arg.hide_default_value(true);
    }
    if specs.values.is_some() || specs.list.is_some() {
        arg = arg.hide_possible_values(true);
    }
    // The short help: the help, then what clap adds, on one line.
    let short: Vec<&str> = [
        help.as_deref(),
        specs.env.as_deref(),
        specs.default.as_deref(),
        specs.values.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    // The long help (what `--help` shows where a command has one): the
    // help, the list of values, then the rest a line each, blank lines
    // between (clap indents every line after the first). Where there is a
    // help and a list (`verification set`'s mode), clap's blank line before
    // the list has no indent and this one does: spaces no one sees, and
    // only in Polish and Ukrainian.
    let body = long.clone().or_else(|| help.clone()).unwrap_or_default();
    let rest: Vec<&str> = [
        specs.env.as_deref(),
        specs.default.as_deref(),
        specs
            .list
            .is_none()
            .then_some(specs.values.as_deref())
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut long_text = body;
    if let Some(list) = &specs.list {
        if !long_text.is_empty() {
            long_text.push_str("\n\n");
        }
        long_text.push_str(list);
    }
    if !rest.is_empty() {
        if !long_text.is_empty() {
            long_text.push_str("\n\n");
        }
        long_text.push_str(&rest.join("\n"));
    }
    if !short.is_empty() {
        arg = arg.help(short.join(" "));
    }
    // Set even where the command has no long help: clap decides that once,
    // when it builds the command, from the derive's arguments.
    if !long_text.is_empty() {
        arg = arg.long_help(long_text);
    }
    arg
}

/// What clap adds after an argument's help, in `lang`, styled as clap
/// styles it.
#[derive(Default)]
struct Specs {
    env: Option<String>,
    default: Option<String>,
    /// `[possible values: a, b]`: in the short help, and in the long one
    /// when no value has a help of its own.
    values: Option<String>,
    /// The long help's `Possible values:` list, when some value has a help.
    list: Option<String>,
}

impl Specs {
    fn of(arg: &Arg, lang: Lang, id: &str, styles: &Styles) -> Specs {
        let (ctx, val, lit) = (
            styles.get_context(),
            styles.get_context_value(),
            styles.get_literal(),
        );
        // The value inside the bracket: out of the bracket's style, in the
        // value's; the whole bracket in the bracket's.
        let value = |v: &str| format!("{ctx:#}{val}{v}{val:#}{ctx}");
        let bracket = |s: String| format!("{ctx}{s}{ctx:#}");
        let env = arg
            .get_env()
            .filter(|_| !arg.is_hide_env_set())
            .map(|name| {
                let name = name.to_string_lossy();
                let shown = if arg.is_hide_env_values_set() {
                    name.to_string()
                } else {
                    let now = std::env::var_os(&*name).unwrap_or_default();
                    format!("{name}={}", now.to_string_lossy())
                };
                bracket(tr!(lang, "help-env", variable = value(&shown)))
            });
        let defaults = arg.get_default_values();
        let default = (arg.get_action().takes_values()
            && !arg.is_hide_default_value_set()
            && !defaults.is_empty())
        .then(|| {
            let all: Vec<String> = defaults
                .iter()
                .map(|d| quoted(&d.to_string_lossy()))
                .collect();
            bracket(tr!(lang, "help-default", value = value(&all.join(" "))))
        });
        let pvs: Vec<PossibleValue> = arg
            .get_possible_values()
            .into_iter()
            .filter(|p| !p.is_hide_set())
            .collect();
        let shown = !arg.is_hide_possible_values_set() && !pvs.is_empty();
        let values = shown.then(|| {
            let sep = format!("{ctx}, {ctx:#}");
            let names: Vec<String> = pvs
                .iter()
                .map(|p| format!("{val}{}{val:#}", quoted(p.get_name())))
                .collect();
            bracket(tr!(lang, "help-possible-values", values = names.join(&sep)))
        });
        let list = (shown && pvs.iter().any(|p| p.get_help().is_some())).then(|| {
            let width = pvs
                .iter()
                .map(|p| p.get_name().chars().count())
                .max()
                .unwrap_or(0);
            let mut list = format!("{}:", tr!(lang, "help-possible-values-list"));
            for p in &pvs {
                let name = p.get_name();
                let _ = write!(list, "\n- {lit}{name}{lit:#}");
                if let Some(h) = p.get_help() {
                    let pad = width - name.chars().count();
                    let _ = write!(list, ": {:pad$}{}", "", text(lang, &value_id(id, p), h));
                }
            }
            list
        });
        Specs {
            env,
            default,
            values,
            list,
        }
    }
}

/// A value as clap shows it: in quotes if empty or with a space in it.
fn quoted(v: &str) -> String {
    if v.is_empty() || v.contains(char::is_whitespace) {
        format!("{v:?}")
    } else {
        v.to_string()
    }
}
