//! The boards folder's own settings (`rectify.ron`): what a team agrees on for its boards and
//! shares with them, unlike the user's own config file.

use serde::Deserialize;

use super::Date;

/// The file's name in the boards folder.
pub const FILE_NAME: &str = "rectify.ron";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Folder")]
pub struct FolderSettings {
    /// The board's title, shown in the header in place of the program's name.
    #[serde(default)]
    pub title: Option<String>,
    /// The title for a board shown in English; without it, English shows the program's own
    /// English name rather than a title in another language.
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub due_soon_days: Option<i64>,
    /// The day the data is judged against, for archived or illustrative data; `--today`
    /// still overrides it.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// The data is made up for showing the program: the header says so.
    #[serde(default)]
    pub example: bool,
}

/// Files of the boards folder that are not program boards.
pub const NOT_BOARDS: [&str; 2] = [FILE_NAME, super::problems::FILE_NAME];
