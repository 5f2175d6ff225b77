//! `urna operator …`: the people who may type cards at this point.

use clap::{Subcommand, ValueEnum};

use super::out::say;
use super::{Context, Failure, PinArgs, read_new_pin};
use crate::store::Role;
use crate::tr;

#[derive(Debug, Subcommand)]
pub enum OperatorCommand {
    /// Add a volunteer or a coordinator (a coordinator does it: asked for
    /// their PIN first, then the new operator's; with --pin-stdin, two lines)
    Add {
        /// The operator's name as shown at login
        name: String,
        /// The new operator's role
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The coordinator adding the operator
        #[arg(long = "as", value_name = "COORDINATOR")]
        by: String,
        #[command(flatten)]
        pin: PinArgs,
    },
    /// List operators
    List,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Volunteer,
    Coordinator,
}

pub fn run(ctx: &Context, cmd: OperatorCommand) -> Result<u8, Failure> {
    let mut store = ctx.open_store()?;
    match cmd {
        OperatorCommand::Add {
            name,
            role,
            by,
            pin,
        } => {
            let role = match role {
                RoleArg::Volunteer => Role::Volunteer,
                RoleArg::Coordinator => Role::Coordinator,
            };
            store.ensure_sound().map_err(|e| ctx.store_failure(e))?;
            ctx.login_coordinator(&mut store, &by, pin.pin_stdin)?;
            let new_pin = read_new_pin(ctx.lang, pin.pin_stdin, &name)?;
            store
                .add_operator(&name, role, &new_pin, &by)
                .map_err(|e| ctx.store_failure(e))?;
            say!(
                "{}",
                tr!(
                    ctx.lang,
                    "cli-operator-added",
                    name = name.trim(),
                    role = crate::i18n::role(ctx.lang, role)
                )
            );
        }
        OperatorCommand::List => {
            for op in store.operators().map_err(|e| ctx.store_failure(e))? {
                say!("{}\t{}", op.name, crate::i18n::role(ctx.lang, op.role));
            }
        }
    }
    Ok(0)
}
