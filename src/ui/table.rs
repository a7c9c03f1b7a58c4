//! Rows of fitted cells. Columns that do not fit are dropped by priority, so a narrow terminal
//! loses the least important columns instead of squeezing every one into illegibility.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{fit, fit_right};
use crate::theme::Theme;

/// The widest id column a table gives: past it an id is cut with `…`.
const MAX_ID_WIDTH: u16 = 14;

/// Cells an id column takes to show `ids` whole (up to [`MAX_ID_WIDTH`]), at least `least`:
/// generated and imported ledgers number measures `P021-0007` or `2023-001`, and an id cut to
/// `P021-…` no longer tells one measure from the next.
pub fn id_width<'a>(ids: impl Iterator<Item = &'a str>, least: u16) -> u16 {
    let widest = ids.map(crate::text::width).max().unwrap_or(0);
    (widest.min(usize::from(MAX_ID_WIDTH)) as u16).max(least)
}

pub struct Col {
    pub header: String,
    /// Minimum width in cells; flexible columns share what is left over.
    pub width: u16,
    pub flex: bool,
    /// A flexible column's share of the room left over, against the others' weights.
    pub weight: u16,
    /// Higher stays longer.
    pub priority: u8,
    pub right: bool,
}

impl Col {
    /// At least `width` cells, and never narrower than its header: a language with longer
    /// words gets wider columns rather than cut headings.
    pub fn fixed(header: &str, width: u16, priority: u8) -> Col {
        Col {
            header: header.to_owned(),
            width: width.max(crate::text::width(header) as u16),
            flex: false,
            weight: 1,
            priority,
            right: false,
        }
    }
    pub fn flex(header: &str, width: u16, priority: u8) -> Col {
        Col {
            flex: true,
            ..Col::fixed(header, width, priority)
        }
    }
    /// A flexible column that takes `weight` shares of the room left over.
    pub fn weight(mut self, weight: u16) -> Col {
        self.weight = weight.max(1);
        self
    }
    pub fn right(mut self) -> Col {
        self.right = true;
        self
    }
}

pub enum Cell {
    Text(String, Style),
    /// A progress bar with the percentage after it.
    Gauge(Option<i64>),
    Empty,
}

pub fn text(s: impl Into<String>, style: Style) -> Cell {
    Cell::Text(s.into(), style)
}

/// A group's name on the group's first row only, like a section heading; blank below it.
pub fn group_head(first: bool, name: &str, style: Style) -> Cell {
    text(
        if first {
            format!(" {name}")
        } else {
            String::new()
        },
        style,
    )
}

const GAP: u16 = 1;

/// Which columns are shown and how wide, in column order.
///
/// Widths never shrink as `total` grows. A column dropped for want of room comes back at a
/// wider terminal; had the room short of it gone to the flexible columns, they would have to
/// give it back then. So flexible columns grow only once every column is shown, and until
/// then what is left over stays blank.
pub fn fit_columns(cols: &[Col], total: u16) -> Vec<(usize, u16)> {
    fit_columns_grouped(cols, total, &[])
}

/// [`fit_columns`], where each of `groups` is shown whole or not at all: counts that only
/// add up side by side (one per status) go together.
pub fn fit_columns_grouped(
    cols: &[Col],
    total: u16,
    groups: &[std::ops::Range<usize>],
) -> Vec<(usize, u16)> {
    let mut shown: Vec<usize> = (0..cols.len()).collect();
    let need = |shown: &[usize]| -> u16 {
        shown.iter().map(|&i| cols[i].width).sum::<u16>()
            + GAP * shown.len().saturating_sub(1) as u16
    };
    while need(&shown) > total && shown.len() > 1 {
        let drop = shown
            .iter()
            .enumerate()
            .min_by_key(|(pos, i)| (cols[**i].priority, std::cmp::Reverse(*pos)))
            .map(|(pos, _)| pos)
            .unwrap_or(0);
        let gone = shown.remove(drop);
        if let Some(g) = groups.iter().find(|g| g.contains(&gone)) {
            shown.retain(|i| !g.contains(i));
        }
    }
    let spare = if shown.len() == cols.len() {
        total.saturating_sub(need(&shown))
    } else {
        0
    };
    let flex: Vec<usize> = shown.iter().copied().filter(|&i| cols[i].flex).collect();
    let extra = share(
        &flex.iter().map(|&i| cols[i].weight).collect::<Vec<_>>(),
        spare,
    );
    shown
        .iter()
        .map(|&i| {
            let more = flex
                .iter()
                .position(|&f| f == i)
                .map_or(0, |pos| extra[pos]);
            (i, cols[i].width + more)
        })
        .collect()
}

/// `spare` cells shared by `weights`, a cell at a time to the column furthest below its share
/// (the first on a tie): one more cell to share never takes one from anybody.
fn share(weights: &[u16], spare: u16) -> Vec<u16> {
    let mut got = vec![0u16; weights.len()];
    if weights.is_empty() {
        return got;
    }
    for _ in 0..spare {
        let mut best = 0;
        for i in 1..weights.len() {
            // w_i / (got_i + 1) > w_best / (got_best + 1), in integers.
            if u32::from(weights[i]) * (u32::from(got[best]) + 1)
                > u32::from(weights[best]) * (u32::from(got[i]) + 1)
            {
                best = i;
            }
        }
        got[best] += 1;
    }
    got
}
/// A list screen's column header and, when it has no rows, the sentence that says why in
/// their place. Returns whether there are rows to draw.
pub fn head_or_empty(
    frame: &mut ratatui::Frame,
    (header_area, rows_area): (ratatui::layout::Rect, ratatui::layout::Rect),
    (cols, fitted): (&[Col], &[(usize, u16)]),
    theme: &Theme,
    empty: Option<&str>,
) -> bool {
    frame.render_widget(header(cols, fitted, theme.header), header_area);
    if let Some(msg) = empty {
        frame.render_widget(Span::styled(format!(" {msg}"), theme.muted), rows_area);
    }
    empty.is_none()
}

pub fn header(cols: &[Col], layout: &[(usize, u16)], style: Style) -> Line<'static> {
    let spans = layout.iter().enumerate().flat_map(|(n, &(i, w))| {
        let t = if cols[i].right {
            fit_right(&cols[i].header, w as usize)
        } else {
            fit(&cols[i].header, w as usize)
        };
        gap(n).into_iter().chain([Span::styled(t, style)])
    });
    Line::from(spans.collect::<Vec<_>>())
}

fn gap(n: usize) -> Option<Span<'static>> {
    (n > 0).then(|| Span::raw(" ".repeat(GAP as usize)))
}

/// One row; `cells` holds one cell per column (shown or not).
pub fn row(
    cols: &[Col],
    layout: &[(usize, u16)],
    cells: Vec<Cell>,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let mut cells: Vec<Option<Cell>> = cells.into_iter().map(Some).collect();
    let mut spans = Vec::new();
    for (n, &(i, w)) in layout.iter().enumerate() {
        spans.extend(gap(n));
        let w = w as usize;
        match cells
            .get_mut(i)
            .and_then(Option::take)
            .unwrap_or(Cell::Empty)
        {
            Cell::Text(s, st) => {
                let t = if cols[i].right {
                    fit_right(&s, w)
                } else {
                    fit(&s, w)
                };
                spans.push(Span::styled(t, st));
            }
            Cell::Gauge(p) => spans.extend(gauge(p, w, theme)),
            Cell::Empty => spans.push(Span::raw(" ".repeat(w))),
        }
    }
    Line::from(spans).style(base)
}

/// Marks the selected row. A selection that names only a background lies under each cell's
/// own colour; one that names a foreground too (high contrast) lies over every cell, so no
/// cell's colour can vanish into the bar.
pub fn select(mut line: Line<'static>, selection: Style) -> Line<'static> {
    if selection.fg.is_some() {
        for s in &mut line.spans {
            s.style = s.style.patch(selection);
        }
    }
    line.patch_style(selection)
}

/// `██████░░░░ 42%` in exactly `w` cells; just the number when there is no room for a bar.
pub fn gauge(p: Option<i64>, w: usize, theme: &Theme) -> Vec<Span<'static>> {
    let label = p.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    let label = fit_right(&label, 4);
    if w < 9 {
        return vec![Span::styled(fit_right(&label, w), theme.text)];
    }
    let bar = w - 5;
    let filled = p.map_or(0, |p| (p.clamp(0, 100) as usize * bar + 50) / 100);
    vec![
        Span::styled("█".repeat(filled), theme.gauge_filled),
        Span::styled("░".repeat(bar - filled), theme.gauge_empty),
        Span::styled(format!(" {label}"), theme.text),
    ]
}

/// Cuts a styled line to `w` cells, keeping each span's style, with `…` at the cut.
pub fn clip(line: Line<'static>, w: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for s in line.spans {
        let sw = crate::text::width(&s.content);
        if used + sw <= w {
            used += sw;
            out.push(s);
            continue;
        }
        let cut = crate::text::truncate(&s.content, w - used);
        out.push(Span::styled(cut, s.style));
        break;
    }
    Line::from(out).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_drop_the_least_important_columns_first() {
        let cols = [
            Col::fixed("a", 10, 9),
            Col::flex("b", 10, 10),
            Col::fixed("c", 10, 1),
            Col::fixed("d", 10, 5),
        ];
        assert_eq!(
            fit_columns(&cols, 43),
            vec![(0, 10), (1, 10), (2, 10), (3, 10)]
        );
        // Room short of the dropped column stays blank until it comes back.
        assert_eq!(fit_columns(&cols, 40), vec![(0, 10), (1, 10), (3, 10)]);
        assert_eq!(fit_columns(&cols, 25), vec![(0, 10), (1, 10)]);
        assert_eq!(
            fit_columns(&cols, 50),
            vec![(0, 10), (1, 17), (2, 10), (3, 10)]
        );
    }

    #[test]
    fn no_column_narrows_as_the_room_grows() {
        let cols = [
            Col::fixed("a", 6, 9),
            Col::flex("b", 10, 10).weight(3),
            Col::flex("c", 8, 4),
            Col::fixed("d", 7, 2),
            Col::fixed("e", 7, 2),
            Col::flex("f", 12, 7),
        ];
        let mut last = vec![0u16; cols.len()];
        for total in 10..300 {
            let mut now = vec![0u16; cols.len()];
            for (i, w) in fit_columns_grouped(&cols, total, std::slice::from_ref(&(3..5))) {
                now[i] = w;
            }
            for i in 0..cols.len() {
                assert!(
                    now[i] >= last[i],
                    "column {i} at {total}: {now:?} after {last:?}"
                );
            }
            assert!(now[3] == now[4], "a group is shown whole: {now:?}");
            last = now;
        }
        // The weights share the room three to one to one.
        let at = fit_columns(&cols, 200);
        assert_eq!(at[1].1 - 10, 3 * (at[2].1 - 8));
    }
}
