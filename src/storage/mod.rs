//! Board files: reading them into the domain with positioned diagnostics, and (later) writing
//! single fields back in place.

pub mod cst;
mod diagnostic;
pub mod edit;
pub mod history;
mod load;
mod messages;
mod problem;
pub mod save;
mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{
    ContentHash, FileLoad, MAX_FILE_BYTES, is_board_path, load_bytes, load_dir, load_file,
    load_text, mark_duplicate_programs, refuse_duplicate,
};
pub use messages::describe as describe_parse_error;
pub use problem::{IoCause, Problem};
