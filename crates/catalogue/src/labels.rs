//! chaterr's own data beside the vendors' documents: the labels of every embedded entry
//! (`codes/ours/labels/<source>.toml`: class, retry and concept, see docs/classification.md), the
//! concepts they name (`codes/ours/concepts.toml`: a title and a line of guidance each, in English
//! and Chinese) and our own words for each concept (`codes/ours/words/*.toml`: how people describe
//! the problem, for search). Parsed and validated like the catalogue files.

use toml::de::DeValue;

use crate::field::{Field, Texts, is_snake_case};
use crate::file::{Checker, Problem, Value};

/// The labels of one source's entries, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelFile {
    pub labels: Vec<LabelDecl>,
}

/// One entry's labels: the fields that are ours ([`Field::is_ours`]), all of them given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDecl {
    pub code: i64,
    pub texts: Texts<String>,
    /// Byte offset of its `code` value.
    pub offset: usize,
}

/// A concept: one specific problem, the same wherever vendors mean it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConceptDecl {
    pub id: String,
    pub title: String,
    pub title_zh: String,
    pub guidance: String,
    pub guidance_zh: String,
    /// How people describe the problem (from codes/ours/words/), in English and Chinese.
    pub words: Vec<String>,
    pub words_zh: Vec<String>,
    pub offset: usize,
}

/// Our words for one concept, as codes/ours/words/*.toml give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordsDecl {
    pub concept: String,
    pub en: Vec<String>,
    pub zh: Vec<String>,
    pub offset: usize,
}

/// The keys of a label: its code, every field of ours, and a note on why.
fn label_keys() -> Vec<&'static str> {
    let ours = Field::ALL.into_iter().filter(|f| f.is_ours());
    std::iter::once("code")
        .chain(ours.map(Field::name))
        .chain(["note"])
        .collect()
}

const CONCEPT_KEYS: [&str; 5] = ["id", "title", "title_zh", "guidance", "guidance_zh"];
const WORDS_KEYS: [&str; 3] = ["concept", "en", "zh"];

/// The array of tables under `key` of a document, each item a table.
fn tables<'a, 'i>(
    c: &mut Checker<'_>,
    root: &'a toml::de::DeTable<'i>,
    key: &'static str,
) -> Vec<&'a Value<'i>> {
    let mut items = Vec::new();
    for (k, value) in root.iter() {
        if k.get_ref() != key {
            c.unknown_key(k.span(), k.get_ref(), &[key]);
            continue;
        }
        match value.get_ref() {
            DeValue::Array(array) => items.extend(array.iter()),
            _ => c.problem(
                value.span().start,
                format!("`{key}` must be an array of tables: [[{key}]]"),
            ),
        }
    }
    items
}

/// Parses and validates one label file.
pub fn parse_labels(text: &str) -> Result<LabelFile, Vec<Problem>> {
    let mut c = Checker::new(text);
    let file = c.root().map(|root| {
        let keys = label_keys();
        let mut labels = Vec::new();
        for item in tables(&mut c, &root, "labels") {
            let DeValue::Table(table) = item.get_ref() else {
                c.problem(item.span().start, "each label must be a table".to_owned());
                continue;
            };
            let mut decl = LabelDecl {
                code: 0,
                texts: Default::default(),
                offset: item.span().start,
            };
            let (mut ok, mut code) = (true, false);
            let (fields, _) = c.fields(table, &keys);
            for (key, value) in fields {
                if key == "code" {
                    match c.integer(key, value) {
                        Some(n) => (decl.code, decl.offset, code) = (n, value.span().start, true),
                        None => ok = false,
                    }
                    continue;
                }
                let Some(text) = c.string(key, value) else {
                    ok = false;
                    continue;
                };
                let Some(field) = Field::from_name(key) else {
                    continue; // the note: why, for people
                };
                match field.check(&text) {
                    Ok(()) => decl.texts[field.index()] = Some(text),
                    Err(message) => {
                        c.problem(value.span().start, message);
                        ok = false;
                    }
                }
            }
            for field in Field::ALL.into_iter().filter(|f| f.is_ours()) {
                if decl.texts[field.index()].is_none() && ok {
                    c.problem(decl.offset, format!("label is missing `{}`", field.name()));
                    ok = false;
                }
            }
            if !code {
                c.problem(item.span().start, "label is missing `code`".to_owned());
            } else if ok {
                labels.push(decl);
            }
        }
        let mut seen: Vec<(i64, usize)> = labels.iter().map(|l| (l.code, l.offset)).collect();
        seen.sort_unstable();
        for pair in seen.windows(2) {
            if pair[0].0 == pair[1].0 {
                let line = c.line_of(pair[0].1);
                c.problem(
                    pair[1].1,
                    format!(
                        "code {} is labelled twice (first at line {line})",
                        pair[1].0
                    ),
                );
            }
        }
        LabelFile { labels }
    });
    c.finish(file)
}

/// Parses and validates codes/ours/concepts.toml.
pub fn parse_concepts(text: &str) -> Result<Vec<ConceptDecl>, Vec<Problem>> {
    let mut c = Checker::new(text);
    let concepts = c.root().map(|root| {
        let mut concepts: Vec<ConceptDecl> = Vec::new();
        for item in tables(&mut c, &root, "concepts") {
            let DeValue::Table(table) = item.get_ref() else {
                c.problem(item.span().start, "each concept must be a table".to_owned());
                continue;
            };
            let mut decl = ConceptDecl {
                offset: item.span().start,
                ..ConceptDecl::default()
            };
            let (fields, _) = c.fields(table, &CONCEPT_KEYS);
            let mut given = 0;
            for (key, value) in fields {
                let Some(text) = c.string(key, value) else {
                    continue;
                };
                given += 1;
                match key {
                    "id" if !is_snake_case(&text) => c.problem(
                        value.span().start,
                        format!("concept {text:?} must be a snake_case id"),
                    ),
                    "id" => decl.id = text,
                    "title" => decl.title = text,
                    "title_zh" => decl.title_zh = text,
                    "guidance" => decl.guidance = text,
                    _ => decl.guidance_zh = text,
                }
            }
            if given < CONCEPT_KEYS.len() {
                c.problem(
                    decl.offset,
                    format!("a concept needs all of {}", CONCEPT_KEYS.join(", ")),
                );
            } else if let Some(first) = concepts.iter().find(|k| k.id == decl.id) {
                let line = c.line_of(first.offset);
                c.problem(
                    decl.offset,
                    format!(
                        "concept {:?} is defined twice (first at line {line})",
                        decl.id
                    ),
                );
            } else {
                concepts.push(decl);
            }
        }
        concepts
    });
    c.finish(concepts)
}

/// Parses and validates one file of codes/ours/words/.
pub fn parse_words(text: &str) -> Result<Vec<WordsDecl>, Vec<Problem>> {
    let mut c = Checker::new(text);
    let words = c.root().map(|root| {
        let mut all = Vec::new();
        for item in tables(&mut c, &root, "words") {
            let DeValue::Table(table) = item.get_ref() else {
                c.problem(
                    item.span().start,
                    "each [[words]] must be a table".to_owned(),
                );
                continue;
            };
            let mut decl = WordsDecl {
                concept: String::new(),
                en: Vec::new(),
                zh: Vec::new(),
                offset: item.span().start,
            };
            let (fields, _) = c.fields(table, &WORDS_KEYS);
            for (key, value) in fields {
                match key {
                    "concept" => decl.concept = c.string(key, value).unwrap_or_default(),
                    _ => {
                        let list = strings(&mut c, key, value);
                        if key == "en" {
                            decl.en = list;
                        } else {
                            decl.zh = list;
                        }
                    }
                }
            }
            if decl.concept.is_empty() || decl.en.is_empty() || decl.zh.is_empty() {
                c.problem(
                    decl.offset,
                    "[[words]] needs a concept and non-empty en and zh lists".to_owned(),
                );
            } else {
                all.push(decl);
            }
        }
        all
    });
    c.finish(words)
}

fn strings(c: &mut Checker<'_>, key: &str, value: &Value<'_>) -> Vec<String> {
    let DeValue::Array(items) = value.get_ref() else {
        c.problem(
            value.span().start,
            format!("`{key}` must be an array of strings"),
        );
        return Vec::new();
    };
    items.iter().filter_map(|v| c.string(key, v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_are_checked() {
        let good = "[[labels]]\ncode = 1\nclass = \"auth\"\nretry = \"relogin\"\nconcept = \"token_expired\"\nnote = \"why\"\n";
        let file = parse_labels(good).unwrap();
        assert_eq!(file.labels[0].code, 1);
        assert_eq!(
            file.labels[0].texts[Field::Class.index()].as_deref(),
            Some("auth")
        );
        let bad = "[[labels]]\ncode = 1\nclass = \"Auth\"\nretry = \"relogin\"\nconcept = \"x\"\n[[labels]]\ncode = 2\nclass = \"auth\"\nretry = \"never\"\n";
        let problems: Vec<String> = parse_labels(bad)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("not one of"), "{problems:?}");
        assert!(problems[1].contains("missing `concept`"), "{problems:?}");
        let twice = "[[labels]]\ncode = 1\nclass = \"auth\"\nretry = \"never\"\nconcept = \"a\"\n[[labels]]\ncode = 1\nclass = \"auth\"\nretry = \"never\"\nconcept = \"a\"\n";
        assert!(
            parse_labels(twice).unwrap_err()[0]
                .message
                .contains("twice")
        );
    }

    #[test]
    fn concepts_and_words_parse() {
        let concepts = parse_concepts(
            "[[concepts]]\nid = \"a_b\"\ntitle = \"T\"\ntitle_zh = \"标题\"\nguidance = \"G\"\nguidance_zh = \"指引\"\n",
        )
        .unwrap();
        assert_eq!(concepts[0].id, "a_b");
        assert!(parse_concepts("[[concepts]]\nid = \"A\"\n").is_err());
        let words =
            parse_words("[[words]]\nconcept = \"a_b\"\nen = [\"x\"]\nzh = [\"y\"]\n").unwrap();
        assert_eq!(words[0].en, ["x"]);
        assert!(parse_words("[[words]]\nconcept = \"a_b\"\nen = []\nzh = [\"y\"]\n").is_err());
    }
}
