//! Integration tests: the real `safeguide` binary run on fixture sites under tests/fixtures/.
#![allow(clippy::unwrap_used, unreachable_pub, reason = "test code: a panic is the failure report")]

mod browser;
mod build;
mod check;
mod errors;
mod find;
mod guide;
mod help;
mod host;
mod i18n;
mod init;
mod new_page;
mod properties;
mod safety;
mod serve;
mod shipped;
mod support;
