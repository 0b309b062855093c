//! Integration tests: the real `safeguide` binary run on fixture sites under tests/fixtures/.
#![allow(clippy::unwrap_used, unreachable_pub, reason = "test code: a panic is the failure report")]

mod build;
mod errors;
mod shipped;
mod support;
