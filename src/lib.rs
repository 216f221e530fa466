//! chaterr: the error codes of in-app chat SDKs (ZEGOCLOUD ZIM, Tencent Cloud Chat/IM,
//! Agora Chat), explained offline from an embedded catalogue.
//!
//! Data flows one way: [`catalogue`] → [`query`] → [`render`]; [`commands`] wires them to the
//! command line defined in [`cli`].

pub mod catalogue;
pub mod cli;
pub mod codegen;
pub mod commands;
#[cfg(feature = "dynamic-completion")]
pub mod complete;
pub mod error;
pub mod generate;
pub mod query;
pub mod render;
pub mod scan;

pub use catalogue::Catalogue;
pub use error::Error;
