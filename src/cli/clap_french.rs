//! clap's own words in French: the layout of the help (headings, the help and version
//! flags) and the errors of the command line (unknown command or option, refused or
//! missing value), each with the way to the help.

use super::Cli;
use crate::msg;
use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};
use std::sync::LazyLock;

/// The command line definition, with the help laid out in French.
pub fn command() -> clap::Command {
    french_layout(Cli::command()).disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(msg!("cli-clap-version").to_string()),
    )
}

/// The heading of the subcommands and their placeholder: clap takes them as `'static`.
static COMMANDS: LazyLock<String> = LazyLock::new(|| msg!("cli-clap-commands").to_string());
static COMMAND_VALUE: LazyLock<String> = LazyLock::new(|| msg!("cli-clap-command-value").to_string());

fn french_layout(command: clap::Command) -> clap::Command {
    command
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            msg!("cli-clap-usage")
        ))
        .subcommand_help_heading(COMMANDS.as_str())
        .subcommand_value_name(COMMAND_VALUE.as_str())
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(msg!("cli-clap-help").to_string()))
        .mut_subcommands(french_layout)
}

/// Parses the process arguments; on an error, prints it in French and exits with status 2
/// (the help and the version are printed as asked, with status 0).
pub fn parse() -> Cli {
    let parsed = command().try_get_matches().and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => cli,
        Err(error) if is_a_display(&error) => error.exit(),
        Err(error) => {
            eprintln!("{}", french(&error));
            std::process::exit(2);
        }
    }
}

fn is_a_display(error: &clap::Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The error in French, with the usage line and the way to the help.
pub fn french(error: &clap::Error) -> String {
    let context = |kind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let (argument, value) = (context(ContextKind::InvalidArg), context(ContextKind::InvalidValue));
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .find_map(|kind| error.get(kind))
        .map(|s| format!(" {}", msg!("cli-clap-suggestion", suggestion = s.to_string())))
        .unwrap_or_default();
    let problem = match error.kind() {
        ErrorKind::InvalidValue => {
            let allowed = error
                .get(ContextKind::ValidValue)
                .map(|v| format!(" {}", msg!("cli-clap-possible-values", values = v.to_string())));
            let refused = msg!("cli-clap-invalid-value", value = &value, argument = &argument);
            format!("{refused}{}{suggestion}", allowed.unwrap_or_default())
        }
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(why) => {
                msg!("cli-clap-invalid-value-because", value = value, argument = argument, reason = why.to_string())
                    .to_string()
            }
            None => msg!("cli-clap-invalid-value", value = value, argument = argument).to_string(),
        },
        ErrorKind::UnknownArgument => format!("{}{suggestion}", msg!("cli-clap-unknown-option", argument = argument)),
        ErrorKind::InvalidSubcommand => {
            let command = context(ContextKind::InvalidSubcommand);
            format!("{}{suggestion}", msg!("cli-clap-unknown-command", command = command))
        }
        ErrorKind::MissingRequiredArgument => msg!("cli-clap-missing-argument", argument = argument).to_string(),
        ErrorKind::MissingSubcommand => msg!("cli-clap-missing-command").to_string(),
        ErrorKind::ArgumentConflict => {
            msg!("cli-clap-conflict", argument = argument, other = context(ContextKind::PriorArg)).to_string()
        }
        ErrorKind::TooManyValues => msg!("cli-clap-too-many-values", argument = argument, value = value).to_string(),
        _ => msg!("cli-clap-refused", kind = error.kind().to_string()).to_string(),
    };
    let usage = context(ContextKind::Usage).replace("Usage:", &msg!("cli-clap-usage").to_string());
    let usage = if usage.is_empty() { String::new() } else { format!("{usage}\n") };
    format!("{}\n{usage}  {}", msg!("cli-error", error = problem), msg!("cli-clap-help-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(args: &[&str]) -> String {
        let error = command().try_get_matches_from(args).expect_err("refused");
        french(&error)
    }

    #[test]
    fn an_unknown_command_is_named_with_a_suggestion() {
        let message = refused(&["maillage", "serv"]);
        assert!(message.starts_with("erreur : commande inconnue « serv » ; vouliez-vous dire serve ?"), "{message}");
        assert!(message.contains("maillage --help"), "{message}");
    }

    #[test]
    fn a_refused_value_names_the_option_and_the_possible_values() {
        let message = refused(&["maillage", "export", "--out", "x", "--format", "pdf"]);
        assert!(message.contains("valeur « pdf » refusée pour --format <FORMAT>"), "{message}");
        assert!(message.contains("valeurs possibles : markdown, json"), "{message}");
    }

    #[test]
    fn a_missing_argument_is_named() {
        let message = refused(&["maillage", "import"]);
        assert!(message.contains("il manque <FICHIER>"), "{message}");
        assert!(message.contains("Utilisation : maillage import"), "{message}");
    }

    #[test]
    fn the_help_is_laid_out_in_french() {
        let help = command().render_long_help().to_string();
        assert!(help.contains("Utilisation : maillage"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
        assert!(help.contains("Affiche cette aide"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
    }
}
