//! The integration tests, one crate: each module of `it` runs the real binary (or the library)
//! on one subject, through the `TestCommand` of `common`, and reads its counts from
//! `common::counts`.
//!
//! A test whose prerequisites this machine lacks (the vendor documents in ../shared/seeds, bash)
//! is ignored with the reason, never passed silently; the check is made when the tests are built.

mod common;

mod it {
    mod catalogue;
    mod classification;
    mod cli;
    mod codegen;
    mod completion;
    mod editions;
    mod generated;
    mod hardening_exit;
    mod hardening_paths;
    mod hardening_sizes;
    mod hardening_streams;
    mod mcp;
    mod meaning;
    mod scan;
    mod scan_pieces;
    mod symbols;
    mod user_catalogue;
}
