//! Integration tests: the real `smm-path` binary, run in a temporary home.
//!
//! One test binary (faster to link than one per file), one module per
//! command or concern. Every run goes through `support::Test`, which states
//! the exact stdout, stderr, exit status and files a run must leave.

// smm-path names its own files in lower case, and the generated sizes and
// counts of the property tests fit every type they pass through.
#![allow(
    clippy::case_sensitive_file_extension_comparisons,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::struct_field_names
)]

mod support;

mod actions;
mod backup_and_doctor;
mod bad_input;
mod calendar;
mod card;
mod cohort;
mod conflict_copies;
mod done;
mod durability;
mod errors;
mod export;
mod home;
mod hostile_files;
mod import;
mod language;
mod line_endings;
mod log_and_undo;
mod many_machines;
mod platform;
mod portfolio;
mod properties;
mod real_clients;
mod renames;
mod roadmap;
mod shell;
mod stats;
mod status;
mod steps;
mod sync;
mod today;
mod ui;
