//! In-process costs: opening the embedded catalogue, a lookup, a ranked search, rendering list.
//! Whole-process timings against `errno` are in scripts/bench.sh.

use std::hint::black_box;

use chaterr::Catalogue;
use chaterr::catalogue::Scope;
use chaterr::cli::Format;
use chaterr::query::{CodeQuery, Mode, SearchOptions, lookup, search};
use chaterr::render::Output;
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    c.bench_function("catalogue/embedded", |b| {
        b.iter(|| black_box(Catalogue::embedded()))
    });

    let catalogue = Catalogue::embedded();
    let zego = catalogue.scope("zego").expect("zego is embedded");
    c.bench_function("lookup/zego 6000103", |b| {
        b.iter(|| {
            black_box(lookup(
                &catalogue,
                &zego,
                &CodeQuery::Number(black_box(6000103)),
            ))
        })
    });

    let ranked = SearchOptions {
        mode: Mode::Ranked,
        ignore_case: false,
        limit: 20,
    };
    c.bench_function("search/token expired", |b| {
        b.iter(|| {
            black_box(search(
                &catalogue,
                &Scope::All,
                black_box("token expired"),
                &ranked,
            ))
        })
    });

    let entries: Vec<_> = catalogue
        .entries()
        .iter()
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

criterion_group!(catalogue, benches);
criterion_main!(catalogue);
