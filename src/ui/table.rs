//! Rows of fitted cells. Columns that do not fit are dropped by priority, so a narrow terminal
//! loses the least important columns instead of squeezing every one into illegibility.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::{fit, fit_right, stands_alone, truncate, width};
use crate::theme::Theme;

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

/// One piece of a [`Row`]: spaces, text, spaces, in one style; what one span of the `Line`
/// that [`row`] builds holds.
struct Piece {
    lead: usize,
    text: String,
    /// The width `Line` lays `text` out by (see [`line_width`]).
    text_width: usize,
    trail: usize,
    style: Style,
    /// Every character of `text` is a grapheme of its own (see [`stands_alone`]).
    plain: bool,
}

impl Piece {
    fn new(lead: usize, text: String, trail: usize, style: Style) -> Piece {
        Piece {
            lead,
            text_width: line_width(&text),
            plain: text.chars().all(stands_alone),
            text,
            trail,
            style,
        }
    }

    fn width(&self) -> usize {
        self.lead + self.text_width + self.trail
    }
}

/// The width `Line` advances by after a span: unicode-width's measure of the whole span, not
/// the cells its graphemes then take (for a halfwidth sound mark ratatui draws one cell more).
/// A row drawn like a `Line` must place its pieces the same way.
fn line_width(s: &str) -> usize {
    Span::raw(s).width()
}

/// A table row drawn straight into the buffer: cell for cell what [`row`] gives as a `Line`
/// (same symbols, same styles, same clipping), without the cost of drawing a `Line`: the
/// padding that fills each column is written as blank cells, and plain text (ASCII, CJK,
/// punctuation) a character at a time, instead of going through grapheme segmentation and
/// width lookups. On a wide terminal most of a row is padding.
pub struct Row {
    pieces: Vec<Piece>,
    style: Style,
}

impl Row {
    /// Like `Line::patch_style`: the row's base style, under each piece's own.
    pub fn patch_style(mut self, style: Style) -> Row {
        self.style = self.style.patch(style);
        self
    }

    /// Marks the selected row. A selection that names only a background lies under each
    /// cell's own colour; one that names a foreground too (high contrast) lies over every
    /// cell, so no cell's colour can vanish into the bar.
    pub fn select(mut self, selection: Style) -> Row {
        if selection.fg.is_some() {
            for p in &mut self.pieces {
                p.style = p.style.patch(selection);
            }
        }
        self.patch_style(selection)
    }
}

/// The same row as [`row`], as a [`Row`].
pub fn fast_row(
    cols: &[Col],
    layout: &[(usize, u16)],
    cells: Vec<Cell>,
    base: Style,
    theme: &Theme,
) -> Row {
    let mut cells: Vec<Option<Cell>> = cells.into_iter().map(Some).collect();
    let mut pieces = Vec::with_capacity(layout.len() * 2);
    let blank = |n: usize| Piece::new(0, String::new(), n, Style::default());
    for (n, &(i, w)) in layout.iter().enumerate() {
        if n > 0 {
            pieces.push(blank(GAP as usize));
        }
        let w = w as usize;
        match cells
            .get_mut(i)
            .and_then(Option::take)
            .unwrap_or(Cell::Empty)
        {
            Cell::Text(s, style) => {
                // What `fit` / `fit_right` make, with the padding counted rather than written.
                let text = truncate(&s, w);
                let pad = w.saturating_sub(width(&text));
                let (lead, trail) = if cols[i].right { (pad, 0) } else { (0, pad) };
                pieces.push(Piece::new(lead, text, trail, style));
            }
            Cell::Gauge(p) => pieces.extend(
                gauge(p, w, theme)
                    .into_iter()
                    .map(|s| Piece::new(0, s.content.into_owned(), 0, s.style)),
            ),
            Cell::Empty => pieces.push(blank(w)),
        }
    }
    Row {
        pieces,
        style: base,
    }
}

/// Draws `text` from `x` as a `Span` in `style` would, within `..right`; returns where it
/// ended, or `None` when a character would have crossed `right` (the span stops there).
fn draw_text(buf: &mut Buffer, (x, y, right): (u16, u16, u16), p: &Piece) -> Option<u16> {
    if !p.plain {
        Span::styled(p.text.as_str(), p.style).render(Rect::new(x, y, right - x, 1), buf);
        return text_end(&p.text, x, right);
    }
    // One character, one grapheme: drawn the way `Span` draws a grapheme, without finding
    // grapheme boundaries.
    let mut x = x;
    let mut utf8 = [0u8; 4];
    for c in p.text.chars() {
        let symbol: &str = c.encode_utf8(&mut utf8);
        let w = symbol.cell_width();
        let next = x.saturating_add(w);
        if next > right {
            return None;
        }
        buf[(x, y)].set_symbol(symbol).set_style(p.style);
        // A wide character hides the cell after it, which is cleared.
        for hidden in x + 1..next {
            buf[(hidden, y)].reset();
        }
        x = next;
    }
    Some(x)
}

/// Where drawing `text` from `x` ends, the way `Span` draws it: each grapheme advances by its
/// cell width; `None` when one would cross `right` (the span stops there).
fn text_end(text: &str, x: u16, right: u16) -> Option<u16> {
    let mut x = x;
    for g in Span::raw(text).styled_graphemes(Style::default()) {
        let next = x.saturating_add(g.symbol.cell_width());
        if next > right {
            return None;
        }
        x = next;
    }
    Some(x)
}

/// Writes `n` spaces in `style` from `x` on, as a span of spaces would, stopping at `right`;
/// returns where it stopped. A cell that already shows a space keeps its symbol (a blank cell
/// and a space are the same cell to the terminal and to `Cell`'s equality).
fn blanks(buf: &mut Buffer, x: u16, y: u16, n: usize, right: u16, style: Style) -> u16 {
    let end = right.min(x.saturating_add(u16::try_from(n).unwrap_or(u16::MAX)));
    if x >= end {
        return x;
    }
    let start = buf.index_of(x, y);
    for cell in &mut buf.content[start..start + usize::from(end - x)] {
        if cell.symbol() != " " {
            cell.set_symbol(" ");
        }
        cell.set_style(style);
    }
    end
}

/// `Buffer::set_style` over `area`, a row at a time rather than a cell index at a time.
pub fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = buf.area.intersection(area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

impl Widget for Row {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // As `Line` renders a left-aligned line of spans, one span per piece.
        let area = area.intersection(buf.area);
        let total: usize = self.pieces.iter().map(Piece::width).sum();
        if area.is_empty() || total == 0 {
            return;
        }
        let area = Rect { height: 1, ..area };
        fill_style(buf, area, self.style);
        let (y, right) = (area.y, area.right());
        let mut x = area.x;
        for p in &self.pieces {
            if x >= right {
                break;
            }
            // Padding and text segment apart only where no grapheme can join across them; a
            // text with any other character at a padded end is drawn the slow, exact way.
            let simple = (p.lead == 0 || p.text.chars().next().is_none_or(stands_alone))
                && (p.trail == 0 || p.text.chars().next_back().is_none_or(stands_alone));
            let mut advance = p.width();
            if !simple {
                let full = format!("{}{}{}", " ".repeat(p.lead), p.text, " ".repeat(p.trail));
                advance = line_width(&full);
                Span::styled(full, p.style).render(Rect::new(x, y, right - x, 1), buf);
            } else {
                let mut cx = blanks(buf, x, y, p.lead, right, p.style);
                if cx < right {
                    // A text cut by the right edge ends its span: no padding after it.
                    let end = if p.text.is_empty() {
                        Some(cx)
                    } else {
                        draw_text(buf, (cx, y, right), p)
                    };
                    if let Some(end) = end {
                        cx = end;
                        blanks(buf, cx, y, p.trail, right, p.style);
                    }
                }
            }
            x = x.saturating_add(u16::try_from(advance).unwrap_or(u16::MAX));
        }
    }
}

/// Lines drawn exactly as `Paragraph::new(lines)` (no block, wrapping, scrolling or
/// alignment) draws them, without its per-line machinery: a line is cut at the right edge,
/// zero-width graphemes are dropped and a wide character does not clear the cell it covers,
/// all as there. The overview's attention list fills most of a large screen with these.
pub struct Plain<'a>(pub Vec<Line<'a>>);

impl Widget for Plain<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.0.iter().any(|l| l.alignment.is_some()) {
            // Not needed by any view; kept exact all the same.
            ratatui::widgets::Paragraph::new(self.0).render(area, buf);
            return;
        }
        // The paragraph's own style is the default one: setting it changes no cell.
        let max = area.width;
        for (y, line) in (area.y..area.bottom()).zip(&self.0) {
            let mut x = 0u16;
            let mut put = |symbol: &str, style: Style| -> bool {
                let w = symbol.cell_width();
                if w > max {
                    // Wider than the whole area: skipped, the line goes on.
                    return true;
                }
                if x + w > max {
                    return false;
                }
                if w > 0 {
                    buf[(area.x + x, y)].set_symbol(symbol).set_style(style);
                    x += w;
                }
                true
            };
            'spans: for span in &line.spans {
                let style = line.style.patch(span.style);
                if span.content.chars().all(stands_alone) {
                    let mut utf8 = [0u8; 4];
                    for c in span.content.chars() {
                        if !put(c.encode_utf8(&mut utf8), style) {
                            break 'spans;
                        }
                    }
                } else {
                    for g in span.styled_graphemes(line.style) {
                        if !put(g.symbol, g.style) {
                            break 'spans;
                        }
                    }
                }
            }
        }
    }
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

    /// `Plain` must draw exactly what a `Paragraph` of the same lines draws.
    #[test]
    fn plain_lines_draw_the_same_cells_as_a_paragraph() {
        use ratatui::style::{Color, Modifier};
        use ratatui::widgets::Paragraph;
        let samples = [
            "",
            " ",
            "ZP-03 ",
            "打击治理电信网络诈骗犯罪",
            "“四专两合力” · 办公厅",
            "é\u{301}x",
            "\u{301}lead",
            "👩‍💻 team",
            "🇨🇳",
            "ｆｕｌｌ",
            "a\u{200D}b",
            "ｶﾞｷﾞ",
            "한국어",
            "…",
        ];
        let styles = [
            Style::default(),
            Style::default().fg(Color::Red),
            Style::default()
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
        ];
        let mut seed = 11u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..2000 {
            let lines: Vec<Line> = (0..next(6))
                .map(|_| {
                    let spans: Vec<Span> = (0..next(5))
                        .map(|_| Span::styled(samples[next(samples.len())], styles[next(3)]))
                        .collect();
                    let l = Line::from(spans);
                    if next(3) == 0 {
                        l.style(styles[next(3)])
                    } else {
                        l
                    }
                })
                .collect();
            let area = Rect::new(
                next(3) as u16,
                next(2) as u16,
                next(40) as u16,
                next(6) as u16,
            );
            let mut expect = Buffer::with_lines(vec!["x".repeat(44); 8]);
            let mut got = expect.clone();
            Paragraph::new(lines.clone()).render(area, &mut expect);
            Plain(lines.clone()).render(area, &mut got);
            assert_eq!(got, expect, "{lines:?} in {area:?}");
        }
    }

    /// `fast_row` must draw exactly what `row` draws as a `Line`, whatever the text: CJK,
    /// combining marks, emoji sequences, zero-width characters, text cut at the edge, and over
    /// cells that already hold something.
    #[test]
    fn a_fast_row_draws_the_same_cells_as_a_line() {
        use ratatui::style::{Color, Modifier};
        let samples = [
            "",
            "ZP-03",
            "打击治理电信网络诈骗犯罪",
            "“四专两合力”建设 · 办公厅",
            "é\u{301}xyz",
            "\u{301}leading mark",
            "trailing mark e\u{301}",
            "👩‍💻 team",
            "🇨🇳 flag",
            "ｆｕｌｌ ｗｉｄｔｈ",
            "a\u{200D}b",
            "ｶﾞｷﾞ",
            "ലൎ",
            "한국어 텍스트",
            "…",
            "█████░░░",
            "ab\u{FE0F}c",
        ];
        let theme = Theme::built_in("dark").unwrap_or_else(|| Theme::built_in("light").unwrap());
        let styles = [
            Style::default(),
            Style::default().fg(Color::Red),
            Style::default()
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED),
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..3000 {
            let ncols = 1 + next(5);
            let cols: Vec<Col> = (0..ncols)
                .map(|i| {
                    let c = if next(2) == 0 {
                        Col::fixed("h", 1 + next(14) as u16, next(10) as u8)
                    } else {
                        Col::flex("h", 1 + next(14) as u16, next(10) as u8)
                    };
                    if next(3) == 0 {
                        c.right()
                    } else {
                        Col {
                            header: format!("{i}"),
                            ..c
                        }
                    }
                })
                .collect();
            let total = 5 + next(90) as u16;
            let layout = fit_columns(&cols, total);
            let mut cells = || -> Vec<Cell> {
                (0..ncols)
                    .map(|_| match next(6) {
                        0 => Cell::Gauge(Some(next(101) as i64)),
                        1 => Cell::Empty,
                        _ => {
                            let a = samples[next(samples.len())];
                            let b = samples[next(samples.len())];
                            text(format!("{a}{b}"), styles[next(styles.len())])
                        }
                    })
                    .collect()
            };
            // The same random cells for both: draw the choices once, then clone them.
            let made = cells();
            let copy = |c: &Cell| match c {
                Cell::Text(s, st) => Cell::Text(s.clone(), *st),
                Cell::Gauge(p) => Cell::Gauge(*p),
                Cell::Empty => Cell::Empty,
            };
            let base = styles[next(styles.len())];
            let patch = (next(2) == 0).then(|| styles[next(styles.len())]);
            // Cut on the right sometimes, and draw over cells that are not blank.
            let width = (total + 2).saturating_sub(next(12) as u16).max(1);
            let area = Rect::new(1, 1, width, 1);
            let mut expect = Buffer::with_lines(vec!["x".repeat(usize::from(width) + 4); 3]);
            let mut got = expect.clone();
            let mut line = row(
                &cols,
                &layout,
                made.iter().map(copy).collect(),
                base,
                &theme,
            );
            let mut fast = fast_row(
                &cols,
                &layout,
                made.iter().map(copy).collect(),
                base,
                &theme,
            );
            if let Some(p) = patch {
                line = line.patch_style(p);
                fast = fast.patch_style(p);
            }
            line.render(area, &mut expect);
            fast.render(area, &mut got);
            assert_eq!(
                got,
                expect,
                "cells {:?}",
                made.iter()
                    .map(|c| match c {
                        Cell::Text(s, _) => s.clone(),
                        Cell::Gauge(p) => format!("gauge {p:?}"),
                        Cell::Empty => "empty".into(),
                    })
                    .collect::<Vec<_>>()
            );
        }
    }
}
