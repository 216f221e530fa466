//! `chaterr check PATH...`: validate catalogue files, reporting every problem.

use crate::catalogue::Catalogue;
use crate::catalogue::file;
use crate::catalogue::load::read_text;
use crate::catalogue::user::{clash, expand};
use crate::cli::CheckArgs;
use crate::commands::Outcome;
use crate::error::{Error, path_label, report};
use crate::render::{FileProblem, Output};

pub fn run(out: &mut Output, args: CheckArgs) -> Result<Outcome, Error> {
    let mut problems: Vec<FileProblem> = Vec::new();
    let mut unreadable = false;
    let mut checked = 0;
    // The sources known so far: a file's names are checked against them (`user::clash`).
    let mut sources = Catalogue::embedded().sources().to_vec();
    for path in &args.paths {
        let files = match expand(path) {
            // A folder with nothing to check is no "no problems".
            Ok(files) if files.is_empty() => {
                let folder = path_label(path);
                report(format_args!(
                    "error: no catalogue files (*.toml) in {folder}"
                ));
                unreadable = true;
                continue;
            }
            Ok(files) => files,
            Err(err) => {
                report(format_args!("error: {err}"));
                unreadable = true;
                continue;
            }
        };
        for path in files {
            let label = path_label(&path);
            let text = match read_text(&path) {
                Ok(text) => text,
                Err(err) => {
                    report(format_args!("error: {err}"));
                    unreadable = true;
                    continue;
                }
            };
            checked += 1;
            match file::parse(&text) {
                Ok(parsed) => {
                    let decl = &parsed.source;
                    if let Some(message) = clash(&sources, &decl.id, &decl.vendor) {
                        let (line, column) = file::line_column(&text, decl.vendor_offset);
                        let problem = file::Problem {
                            line,
                            column,
                            message,
                        };
                        problems.push(FileProblem {
                            file: label.clone(),
                            problem,
                        });
                    } else if !sources.iter().any(|s| s.id == decl.id) {
                        // Only its id and vendor are read.
                        let mut source = sources[0].clone();
                        (source.id, source.vendor) =
                            (decl.id.clone().into(), decl.vendor.clone().into());
                        sources.push(source);
                    }
                }
                Err(found) => problems.extend(found.into_iter().map(|problem| FileProblem {
                    file: label.clone(),
                    problem,
                })),
            }
        }
    }
    out.problems(&problems)?;
    let files = if checked == 1 { "file" } else { "files" };
    match problems.len() {
        // Nothing was read: the errors above say all there is, not "no problems".
        _ if checked == 0 && unreadable => {}
        0 => report(format_args!("{checked} {files} checked, no problems")),
        n => report(format_args!(
            "{checked} {files} checked, {n} problem{}",
            if n == 1 { "" } else { "s" }
        )),
    }
    Ok(if unreadable {
        Outcome::Failed
    } else {
        Outcome::from_found(problems.is_empty())
    })
}
