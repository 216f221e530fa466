//! `chaterr gen LANG [VENDOR|SOURCE...] [-o FILE]`: the catalogue as code in an app's language.

use std::io::Write;

use crate::catalogue::{Catalogue, Scope};
use crate::cli::GenArgs;
use crate::codegen::{self, Options};
use crate::commands::{Outcome, resolve_scope};
use crate::error::{Error, path_label, report};

pub fn run(catalogue: &Catalogue, args: GenArgs) -> Result<Outcome, Error> {
    let mut sources: Vec<usize> = Vec::new();
    let scopes = if args.scopes.is_empty() {
        vec![Scope::All]
    } else {
        args.scopes
            .iter()
            .map(|word| resolve_scope(catalogue, word))
            .collect::<Result<_, _>>()?
    };
    for scope in &scopes {
        for index in 0..catalogue.sources().len() {
            if catalogue.in_scope(index, scope) && !sources.contains(&index) {
                sources.push(index);
            }
        }
    }
    let mut command = format!("chaterr gen {}", args.language.name());
    for word in &args.scopes {
        command.push(' ');
        command.push_str(word);
    }
    if let Some(package) = &args.package {
        command.push_str(" --package ");
        command.push_str(package);
    }
    let options = Options {
        command,
        package: args.package,
    };
    let enumerations = codegen::enumerations(catalogue, &sources, args.language);
    if enumerations.is_empty() {
        report("no codes to write: the sources named have none");
        return Ok(Outcome::NothingFound);
    }
    let code = codegen::generate(args.language, &enumerations, &options);
    match &args.output {
        Some(path) => std::fs::write(path, code).map_err(|error| Error::Write {
            path: path_label(path),
            error,
        })?,
        None => std::io::stdout().lock().write_all(code.as_bytes())?,
    }
    Ok(Outcome::Found)
}
