//! Screen geometry as pure functions of the terminal size and the state. The views draw into
//! these rectangles and `update` uses the same ones to scroll and to hit-test clicks, so the
//! two can never disagree.

use ratatui::layout::Rect;

use super::{App, Screen};
use crate::text::width;

/// Below this the layout cannot show a useful board.
pub const MIN_SIZE: (u16, u16) = (60, 16);
const MAX_BANNER_LINES: usize = 3;

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub banner: Rect,
    pub status: Rect,
}

/// Bands stacked top to bottom: each `Some(h)` is `h` rows high, and the one `None` takes
/// the rows they leave. Where the fixed bands do not all fit, the lower ones are cut (the
/// board shows its too-small notice then). For the sizes the board draws at this gives what
/// ratatui's `Layout` gives with `Length` and `Fill`, whose constraint solver cost a sixth of
/// the instructions of the first frame.
pub fn stack<const N: usize>(area: Rect, bands: [Option<u16>; N]) -> [Rect; N] {
    let fixed: u16 = bands.iter().flatten().fold(0, |a, h| a.saturating_add(*h));
    let fill = area.height.saturating_sub(fixed);
    let mut y = area.y;
    let bottom = area.bottom();
    bands.map(|band| {
        let h = band.unwrap_or(fill).min(bottom - y);
        let r = Rect::new(area.x, y, area.width, h);
        y += h;
        r
    })
}

pub fn banner_lines(errors: usize) -> u16 {
    errors.min(MAX_BANNER_LINES) as u16
}

pub fn areas(app: &App) -> Areas {
    let full = Rect::new(0, 0, app.size.0, app.size.1);
    let [header, body, banner, status] = stack(
        full,
        [
            Some(1),
            None,
            Some(banner_lines(app.errors().len())),
            Some(1),
        ],
    );
    Areas {
        header,
        body,
        banner,
        status,
    }
}

/// The tab labels' cells in the header, left to right. Where the labels with their padding
/// would leave no room for the date, they go without it: the date is never cut.
pub fn tabs(app: &App) -> Vec<(Rect, Screen)> {
    let header = areas(app).header;
    let t = app.texts();
    let screens = app.screens();
    let labels: usize = screens.iter().map(|s| width(s.title(t)) + 3).sum();
    let date = width(&(t.date)(app.today)) + 3;
    let pad = if 1 + labels + date <= usize::from(header.width) {
        2
    } else {
        0
    };
    let mut x = header.x + 1;
    screens
        .into_iter()
        .map(|s| {
            let w = width(s.title(t)) as u16 + pad;
            let r = Rect::new(x, header.y, w, 1).intersection(header);
            x += w + 1;
            (r, s)
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverviewAreas {
    pub totals: Rect,
    pub table_header: Rect,
    pub rows: Rect,
    /// The "needs attention" list below the table, when there is room for it.
    pub attention: Option<Rect>,
}

pub fn overview(body: Rect, n_rows: usize) -> OverviewAreas {
    let line = |y: u16| Rect::new(body.x, y, body.width, 1).intersection(body);
    let avail = body.height.saturating_sub(3);
    let rows_h = (n_rows.max(1) as u16).min(avail);
    let rest = avail - rows_h;
    let attention = (rest >= 6)
        .then(|| Rect::new(body.x, body.y + 4 + rows_h, body.width, rest - 1).intersection(body));
    OverviewAreas {
        totals: line(body.y),
        table_header: line(body.y + 2),
        rows: Rect::new(body.x, body.y + 3, body.width, rows_h).intersection(body),
        attention,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgramAreas {
    pub info: Rect,
    pub strip: Rect,
    pub table_header: Rect,
    pub rows: Rect,
    pub detail: Rect,
}

/// The program screen. The detail pane sits under the table at every size: beside it, the
/// table would lose columns the moment the window grew wide enough for the pane. It takes a
/// share of the height that grows with the window, and the rows the table's `n_rows` leave
/// empty; it always leaves the table some rows.
pub fn program(body: Rect, n_rows: usize) -> ProgramAreas {
    // A short window keeps the measure rows and gives up the milestone strip first.
    let strip_h = if body.height >= 20 { 4 } else { 0 };
    let [info, strip, rest] = stack(body, [Some(2), Some(strip_h), None]);
    let unused = rest
        .height
        .saturating_sub(1 + u16::try_from(n_rows).unwrap_or(u16::MAX));
    let detail_h = (7 + rest.height.saturating_sub(20) / 3)
        .max(unused)
        .min(rest.height.saturating_sub(4));
    let [table, detail] = stack(rest, [None, Some(detail_h)]);
    let [table_header, rows] = stack(table, [Some(1), None]);
    ProgramAreas {
        info,
        strip,
        table_header,
        rows,
        detail,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub summary: Rect,
    pub table_header: Rect,
    pub rows: Rect,
}

pub fn deadlines(body: Rect) -> ListAreas {
    let [summary, _, table_header, rows] = stack(body, [Some(1), Some(1), Some(1), None]);
    ListAreas {
        summary,
        table_header,
        rows,
    }
}

/// Where a screen's selectable rows are drawn.
pub fn list_rows(app: &App, screen: Screen) -> Rect {
    let body = areas(app).body;
    match screen {
        Screen::Overview => overview(body, app.overview_list().len()).rows,
        Screen::Program => program(body, app.measure_list().len()).rows,
        Screen::Deadlines | Screen::Owners | Screen::Problems => deadlines(body).rows,
    }
}

/// The conflict dialog: where it is drawn, and how many rows its body takes wrapped to that
/// width against how many fit, so `update` scrolls long notes exactly as far as the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictDialog {
    pub rect: Rect,
    pub rows: u16,
    pub visible: u16,
}

/// A box of `w` × `h` cells in the middle of `area`, kept a cell inside its edges.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Cells a dialog keeps between its border and its text, each side.
pub const DIALOG_PAD: u16 = 1;

pub fn conflict_dialog(app: &App) -> Option<ConflictDialog> {
    let Some(super::Modal::Conflict {
        target, conflicts, ..
    }) = &app.modal
    else {
        return None;
    };
    let t = app.texts();
    let lines = super::dialog::conflict_lines(app, target, conflicts);
    let plain: Vec<ratatui::text::Line> = lines
        .iter()
        .map(|l| {
            let s: String = l.iter().map(|(_, s)| crate::text::sanitize(s)).collect();
            ratatui::text::Line::from(s)
        })
        .collect();
    let title = width(t.conflict_title) + width(&target.measure) + 3;
    let natural = plain
        .iter()
        .map(|l| l.width())
        .chain([title, width(t.conflict_keys)])
        .max()
        .unwrap_or(0) as u16
        + 2 * (DIALOG_PAD + 1);
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let w = natural.clamp(30, 100).min(area.width.saturating_sub(2));
    let inner_w = w.saturating_sub(2 * (DIALOG_PAD + 1)).max(1);
    let rows = ratatui::widgets::Paragraph::new(plain)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(inner_w) as u16;
    let rect = centered(area, w, rows + 2);
    Some(ConflictDialog {
        rect,
        rows,
        visible: rect.height.saturating_sub(2),
    })
}

/// The help overlay: its box, the keys it lists (the user's own follow them), how many lines
/// it has and how many of them show at once, and the width of its key column.
pub struct HelpDialog {
    pub rect: Rect,
    pub bindings: Vec<&'static super::keymap::Binding>,
    pub rows: u16,
    pub visible: u16,
    pub key_w: usize,
}

impl HelpDialog {
    /// How far the list can scroll.
    pub fn scroll_max(&self) -> u16 {
        self.rows.saturating_sub(self.visible)
    }
}

/// The help overlay's geometry: as wide as its longest line allows, as tall as its keys or
/// the terminal.
pub fn help_dialog(app: &App) -> HelpDialog {
    let lang = app.settings.lang;
    let bindings: Vec<_> = super::keymap::help_lines()
        .filter(|b| b.applies(app.screen))
        .collect();
    let key_w = bindings
        .iter()
        .map(|b| width(b.keys(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let text_w = bindings
        .iter()
        .map(|b| width(b.text(lang)))
        .max()
        .unwrap_or(0);
    let own = if app.settings.keys.is_empty() {
        0
    } else {
        app.settings.keys.len() + 1
    };
    let rows = (bindings.len() + own) as u16;
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let rect = centered(area, (key_w + text_w + 4) as u16, rows + 2);
    HelpDialog {
        rect,
        bindings,
        rows,
        visible: rect.height.saturating_sub(2),
        key_w,
    }
}

/// How far the help overlay can scroll.
pub fn help_scroll_max(app: &App) -> u16 {
    help_dialog(app).scroll_max()
}

/// How far the conflict dialog's body can scroll.
pub fn conflict_scroll_max(app: &App) -> u16 {
    conflict_dialog(app).map_or(0, |d| d.rows.saturating_sub(d.visible))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::{Constraint, Layout};

    fn solved<const N: usize>(area: Rect, bands: [Option<u16>; N]) -> [Rect; N] {
        Layout::vertical(bands.map(|b| b.map_or(Constraint::Fill(1), Constraint::Length)))
            .areas(area)
    }

    #[test]
    fn a_stack_is_what_ratatuis_layout_solves_wherever_the_bands_fit() {
        for y in [0, 3] {
            for height in 0..70 {
                let area = Rect::new(2, y, 100, height);
                for (a, b, c) in [(1, 0, 1), (1, 3, 1), (2, 4, 0), (1, 1, 1), (0, 0, 0)] {
                    if a + b + c > height {
                        continue;
                    }
                    let bands = [Some(a), None, Some(b), Some(c)];
                    assert_eq!(
                        stack(area, bands),
                        solved(area, bands),
                        "{area:?} {bands:?}"
                    );
                    let bands = [Some(a), Some(b), None];
                    assert_eq!(
                        stack(area, bands),
                        solved(area, bands),
                        "{area:?} {bands:?}"
                    );
                    let bands = [None, Some(c)];
                    assert_eq!(
                        stack(area, bands),
                        solved(area, bands),
                        "{area:?} {bands:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn bands_that_do_not_fit_are_cut_from_the_bottom_and_stay_inside() {
        let area = Rect::new(0, 5, 80, 3);
        let [a, fill, b, c] = stack(area, [Some(2), None, Some(2), Some(1)]);
        assert_eq!((a.y, a.height), (5, 2));
        assert_eq!(fill.height, 0);
        assert_eq!((b.y, b.height), (7, 1));
        assert_eq!((c.y, c.height), (8, 0));
        assert!([a, fill, b, c].iter().all(|r| area.union(*r) == area));
        assert_eq!(stack(area, [Some(u16::MAX), Some(u16::MAX)])[1].height, 0);
    }
}
