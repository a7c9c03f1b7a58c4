//! What can be wrong with a board file, as data. The words are chosen when the problem is
//! shown, in the reader's language, by `describe` (the words layer), never here.

use std::io;

use crate::domain::Date;

/// Why the system refused a read. `io::Error` is neither `Clone` nor `Eq`; its kind picks
/// our words, its text is kept for the kinds we have no words for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoCause {
    pub kind: io::ErrorKind,
    pub detail: String,
}

impl From<&io::Error> for IoCause {
    fn from(e: &io::Error) -> IoCause {
        IoCause {
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    CannotRead(IoCause),
    IsDirectory,
    NotRegularFile,
    TooLarge {
        bytes: u64,
        limit_mib: u64,
    },
    NotUtf8 {
        byte: u8,
    },
    FolderUnreadable(IoCause),
    /// The folder went away while the board was open (a share unmounted).
    FolderLost(IoCause),
    DuplicateProgram {
        id: String,
        other: String,
    },
    /// A file that changed under a save and cannot be read now, with no more precise error.
    Unreadable,
    /// What ron's parser said, put into the file author's words when shown. Boxed: it is
    /// large, and every diagnostic would carry its size.
    Syntax(Box<ron::error::Error>),
    /// A `<<<<<<<` line: a merge left both sides of a conflict for a person to choose.
    MergeConflict,
    ProgramFieldEmpty {
        field: &'static str,
    },
    ProgramDueBeforeStart {
        due: Date,
        start: Date,
    },
    MeasureIdEmpty,
    DuplicateMeasureId {
        id: String,
        /// 1-based position of the first measure with this id.
        first: usize,
    },
    MeasureTitleEmpty {
        id: String,
    },
    NoOwner {
        id: String,
    },
    ProgressOutOfRange {
        progress: i64,
    },
    DueBeforeProgramStart {
        id: String,
        due: Date,
        start: Date,
    },
    DueAfterProgram {
        id: String,
        due: Date,
        program_due: Date,
    },
    RevisedEarlier {
        revised: Date,
        prev: Date,
    },
    BlockedWithoutReason {
        id: String,
    },
    SignedOffWithoutDate {
        id: String,
    },
    DateButNotSignedOff {
        id: String,
    },
    MilestoneTitleEmpty,
    MilestoneBeforeStart {
        title: String,
        due: Date,
        start: Date,
    },
    MilestoneAfterProgram {
        title: String,
        due: Date,
        program_due: Date,
    },
    UnsafeCharacters {
        field: &'static str,
    },
    MoreNotShown {
        errors: usize,
        warnings: usize,
    },
    /// problems.ron: two problems with one id.
    DuplicateProblemId {
        id: String,
        /// 1-based position, in the whole list, of the first problem with this id.
        first: usize,
    },
    /// problems.ron: a reference not written `PROGRAM_ID/MEASURE_ID`.
    BadReference {
        reference: String,
    },
    /// `PROGRAM_ID/MEASURE_ID` whose program the boards do not hold.
    UnknownProgram {
        reference: String,
    },
    /// `PROGRAM_ID/MEASURE_ID` whose program holds no such measure.
    UnknownMeasure {
        reference: String,
    },
    /// The boards folder's settings: a due-soon window out of range.
    DueSoonOutOfRange {
        days: i64,
    },
}
