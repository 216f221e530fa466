//! `chaterr check PATH...`: validate catalogue files, reporting every problem.

use crate::catalogue::file;
use crate::catalogue::load::read_text;
use crate::catalogue::user::expand;
use crate::cli::CheckArgs;
use crate::commands::Outcome;
use crate::error::{Error, report};
use crate::render::{FileProblem, Output};

pub fn run(out: &mut Output, args: CheckArgs) -> Result<Outcome, Error> {
    let mut problems: Vec<FileProblem> = Vec::new();
    let mut unreadable = false;
    let mut checked = 0;
    for path in &args.paths {
        let files = match expand(path) {
            Ok(files) => files,
            Err(err) => {
                report(format_args!("error: {err}"));
                unreadable = true;
                continue;
            }
        };
        for path in files {
            let label = path.display().to_string();
            let text = match read_text(&path) {
                Ok(text) => text,
                Err(err) => {
                    report(format_args!("error: {err}"));
                    unreadable = true;
                    continue;
                }
            };
            checked += 1;
            if let Err(found) = file::parse(&text) {
                problems.extend(found.into_iter().map(|problem| FileProblem {
                    file: label.clone(),
                    problem,
                }));
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
