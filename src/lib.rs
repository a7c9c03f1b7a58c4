//! rectify: a terminal progress board for rectification programs (整改整治).
//!
//! Data flows one way: board files are loaded into the [`domain`], held in the app state and
//! drawn by the views; key presses become actions whose effects (saving an edit) go back
//! through [`storage`].
//!
//! The top-level modules sit in layers, each naming only those below it: `docs/architecture.md`
//! draws them and `tests/architecture.rs` keeps them so.

// Input comes from other people's files: nothing outside tests may panic on it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod app;
pub mod check;
pub mod cli;
pub mod config;
pub mod describe;
pub mod domain;
pub mod git;
pub mod i18n;
pub mod ledger;
pub mod new_board;
pub mod report;
pub mod set;
pub mod storage;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod watch;
