//! Board files: reading them into the domain with positioned diagnostics, and (later) writing
//! single fields back in place.

pub mod change;
pub mod cst;
mod diagnostic;
pub mod edit;
pub mod folder;
pub mod git_history;
pub mod git_worker;
pub mod grow;
pub mod history;
mod list;
mod load;
pub mod merge;
pub mod parse_cache;
mod problem;
pub mod problem_list;
pub mod save;
pub mod shrink;
pub mod template;
mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use grow::{Inserted, insert_measure, insert_milestone};
pub use load::{
    ContentHash, FileLoad, MAX_FILE_BYTES, is_board_path, is_folder_file, is_watched_path,
    load_bytes, load_dir, load_dir_cached, load_file, load_text, mark_duplicate_programs,
    refuse_duplicate,
};
pub use problem::{IoCause, Problem};
pub use shrink::{Cut, Removed, remove_measure, restore_measure};
pub use template::{NewBoard, new_board_text};
