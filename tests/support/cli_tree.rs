//! The command line's tree as the language tests walk it: every command's
//! path, and the words that are syntax (the same in every language).

#![allow(dead_code)] // each test uses the helpers it needs

/// Every command as a path of names (`[]`, `["tally"]`, `["tally",
/// "import"]`…), hidden ones too.
pub fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in cmd.get_subcommands() {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        paths(sub, &path, out);
    }
}

/// Whether the value names (`<PATH>`) count as syntax: in English they
/// are; in Polish and Ukrainian they are translated.
#[derive(Clone, Copy, PartialEq)]
pub enum ValueNames {
    Syntax,
    Translated,
}

/// The words of every command's and argument's name, possible value and
/// environment variable (and value name, if `value_names` says so).
pub fn syntax(cmd: &clap::Command, value_names: ValueNames, out: &mut Vec<String>) {
    let mut add = |s: &str| {
        out.extend(
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    };
    add(cmd.get_name());
    for arg in cmd.get_arguments() {
        add(arg.get_id().as_str());
        if let Some(long) = arg.get_long() {
            add(long);
        }
        if value_names == ValueNames::Syntax {
            for name in arg.get_value_names().unwrap_or_default() {
                add(name);
            }
        }
        for pv in arg.get_possible_values() {
            add(pv.get_name());
        }
        if let Some(env) = arg.get_env() {
            add(&env.to_string_lossy());
        }
    }
    for sub in cmd.get_subcommands() {
        syntax(sub, value_names, out);
    }
}

/// Data the help quotes in every language: column names of the card CSV
/// and of the audit's fields, and Polish names (the budget's, an example
/// point's).
pub const DATA: &[&str] = &["district", "signed", "Budżet", "Dzielnicy"];
