/// What a reload found happened to a board file. Lives here, below the words layer, because
/// both the app (which detects it) and `i18n` (which names it) need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Updated,
    Added,
    Removed,
    Broken,
    Fixed,
}
