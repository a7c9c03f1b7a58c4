//! Rows of fitted cells. Columns that do not fit are dropped by priority, so a narrow terminal
//! loses the least important columns instead of squeezing every one into illegibility.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{fit, fit_right};
use crate::theme::Theme;

pub struct Col {
    pub header: String,
    /// Minimum width in cells; flexible columns share what is left over.
    pub width: u16,
    pub flex: bool,
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

const GAP: u16 = 1;

/// Which columns are shown and how wide, in column order.
pub fn fit_columns(cols: &[Col], total: u16) -> Vec<(usize, u16)> {
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
        shown.remove(drop);
    }
    let spare = total.saturating_sub(need(&shown));
    let flex: Vec<usize> = shown.iter().copied().filter(|&i| cols[i].flex).collect();
    shown
        .iter()
        .map(|&i| {
            let mut w = cols[i].width;
            if let Some(pos) = flex.iter().position(|&f| f == i) {
                let share = spare / flex.len() as u16;
                // The first flexible column takes the remainder.
                w += share
                    + if pos == 0 {
                        spare % flex.len() as u16
                    } else {
                        0
                    };
            }
            (i, w)
        })
        .collect()
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
        assert_eq!(fit_columns(&cols, 40), vec![(0, 10), (1, 18), (3, 10)]);
        assert_eq!(fit_columns(&cols, 25), vec![(0, 10), (1, 14)]);
    }
}
