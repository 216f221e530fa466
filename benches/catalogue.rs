//! In-process costs: opening the embedded catalogue, a lookup, a ranked search, rendering list,
//! and loading and searching a generated user catalogue. The embedded catalogue is static data:
//! opening it builds its few sources and an empty slot per entry, and an entry is built the
//! first time it is read; a user's file is where loading costs.
//! Whole-process timings against `errno` are in scripts/bench.sh.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use chaterr::Catalogue;
use chaterr::catalogue::user::{self, Locations};
use chaterr::cli::Format;
use chaterr::query::{CodeQuery, Filter, Mode, SearchOptions, lookup, search};
use chaterr::render::Output;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/mod.rs"]
mod common;

/// Entries in the generated user catalogue: big enough that per-entry costs dominate, small
/// enough for criterion's many iterations (scripts/bench.sh times 1k to 100k whole processes).
const USER_ENTRIES: usize = 10_000;

const RANKED: SearchOptions = SearchOptions {
    mode: Mode::Ranked,
    ignore_case: false,
    limit: 20,
};

fn embedded(c: &mut Criterion) {
    c.bench_function("catalogue/embedded", |b| {
        b.iter(|| black_box(Catalogue::embedded()))
    });

    let catalogue = Catalogue::embedded();
    let zego: Filter = catalogue.scope("zego").expect("zego is embedded").into();
    // What one process does: open the catalogue, find the entry, build it.
    c.bench_function("lookup/zego 6000103, catalogue opened", |b| {
        b.iter(|| {
            let catalogue = Catalogue::embedded();
            let found = lookup(&catalogue, &zego, &CodeQuery::Number(black_box(6000103)));
            black_box(found.len())
        })
    });
    // The entry already built.
    c.bench_function("lookup/zego 6000103", |b| {
        b.iter(|| {
            black_box(lookup(
                &catalogue,
                &zego,
                &CodeQuery::Number(black_box(6000103)),
            ))
        })
    });

    c.bench_function("search/token expired", |b| {
        b.iter(|| {
            black_box(search(
                &catalogue,
                &Filter::all(),
                black_box("token expired"),
                &RANKED,
            ))
        })
    });

    let entries: Vec<_> = catalogue
        .entries()
        .map(|e| catalogue.entry_ref(e))
        .collect();
    for format in [Format::Json, Format::Plain] {
        c.bench_function(&format!("render/list all {format:?}"), |b| {
            b.iter(|| {
                let mut out = Output::new(Vec::with_capacity(1 << 20), format, false, None);
                out.list(&entries).expect("writing to memory");
                black_box(out.into_inner())
            })
        });
    }
}

/// The tests' generated user catalogue (scripts/bench.sh writes the same in awk), in a file.
fn generated_catalogue_file(n: usize) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("a temporary file");
    file.write_all(common::generated_catalogue(n).as_bytes())
        .expect("writing the catalogue");
    file
}

fn user_catalogue(c: &mut Criterion) {
    let file = generated_catalogue_file(USER_ENTRIES);
    let locations = Locations {
        flags: vec![file.path().to_owned()],
        no_user_catalog: true,
        ..Locations::default()
    };
    let mut group = c.benchmark_group("user catalogue");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(format!("load {USER_ENTRIES} entries"), |b| {
        b.iter(|| black_box(user::load(&locations).expect("the generated file is valid")))
    });
    let catalogue = user::load(&locations).expect("the generated file is valid");
    // Matches every generated entry, so all of them are ranked.
    group.bench_function(format!("search {USER_ENTRIES} entries"), |b| {
        b.iter(|| {
            black_box(search(
                &catalogue,
                &Filter::all(),
                black_box("failure number 4242"),
                &RANKED,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, embedded, user_catalogue);
criterion_main!(benches);
