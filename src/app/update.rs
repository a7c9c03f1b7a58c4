use super::edit::{self, InputKind, Modal};
use super::input::TextInput;
use super::layout;
use super::{Action, App, Effect, Screen};

/// Applies one action. Everything the app does goes through here, so every behaviour can be
/// tested with no terminal and no disk.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    // A notice has been read once the user does something.
    if !matches!(
        action,
        Action::Resize(..)
            | Action::Today(_)
            | Action::Reloaded(..)
            | Action::Tick(_)
            | Action::WatchNote(_)
            | Action::Saved(_)
            | Action::History(_)
            | Action::FolderError(_)
            | Action::Problems(_)
    ) {
        app.notice = None;
    }
    match action {
        Action::Quit => effects.push(Effect::Quit),
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -page(app)),
        Action::PageDown => move_by(app, page(app)),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::ScrollUp => move_by(app, -3),
        Action::ScrollDown => move_by(app, 3),
        Action::PrevProgram => step_program(app, -1),
        Action::NextProgram => step_program(app, 1),
        Action::NextScreen => switch_screen(app, 1),
        Action::PrevScreen => switch_screen(app, -1),
        Action::Open => open(app),
        Action::Back => back(app),
        Action::StartFilter => app.filter.editing = true,
        Action::FilterChar(c) if !c.is_control() => app.filter.text.push(c),
        Action::FilterChar(_) => {}
        Action::FilterBackspace => {
            app.filter.text.pop();
        }
        Action::FilterClearText => app.filter.text.clear(),
        Action::FilterAccept => app.filter.editing = false,
        Action::FilterCancel => {
            app.filter.editing = false;
            app.filter.text.clear();
        }
        Action::CycleStatusFilter => app.filter.cycle(),
        Action::ClearFilters => app.filter.clear(),
        Action::OwnerFilter => owner_filter(app),
        Action::CycleSort => app.sort = app.sort.next(),
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::FolderError(d) => app.dir_error = d.map(|d| *d),
        Action::Problems(load) => match (load, &mut app.problems) {
            (None, p) => *p = None,
            (Some(l), Some(p)) if p.path == l.path => p.apply(*l),
            (Some(l), p) => *p = Some(super::ProblemsState::from_load(*l)),
        },
        Action::DetailScroll(d) => {
            let id = app.measure_sel.clone().unwrap_or_default();
            let from = if app.detail_scroll.0 == id {
                app.detail_scroll.1
            } else {
                0
            };
            // The view stops at the last line; here only a bound no pane reaches.
            let to = from.saturating_add_signed(d).min(1000);
            app.detail_scroll = (id, to);
        }
        Action::ToggleSince => {
            if app.since.is_some() {
                app.show_since = !app.show_since;
            } else {
                app.notice = Some(app.texts().since_none.to_owned());
            }
        }
        Action::Resize(w, h) => app.size = (w, h),
        Action::Click(x, y) => click(app, x, y),
        Action::Reloaded(reloads, at) => effects.extend(super::reload::apply(app, reloads, at)),
        Action::Tick(now) => {
            super::reload::expire_marks(app, now);
            super::meeting::tick(app, now);
        }
        Action::MeetingStep(d) => super::meeting::step(app, d),
        Action::MeetingPause => super::meeting::toggle_pause(app),
        Action::MeetingJump(n) => super::meeting::jump(app, n),
        Action::MeetingBlank => super::meeting::toggle_blank(app),
        Action::ReadOnlyKey => app.notice = Some(app.texts().meeting_read_only.to_owned()),
        Action::WatchNote(note) => app.watch_note = Some(note),
        Action::EditStatus => edit::open_status(app),
        Action::EditProgress => edit::open_input(app, InputKind::Progress),
        Action::EditNote => edit::open_input(app, InputKind::Note),
        Action::ReviseDue => edit::open_input(app, InputKind::Due),
        Action::SignOff => edit::open_sign_off(app),
        Action::StepProgress(d) => effects.extend(edit::step_progress(app, d)),
        Action::Undo => effects.extend(edit::undo(app)),
        Action::Redo => effects.extend(edit::redo(app)),
        Action::AddMeasure => super::ledger::open_add(app),
        Action::EditMeasure => super::ledger::open_rename(app),
        Action::RemoveMeasure => super::ledger::open_remove(app),
        Action::OpenMilestones => super::ledger::open_milestones(app),
        Action::MilestoneDue => super::ledger::milestone_due(app),
        Action::MilestoneAdd => super::ledger::milestone_add(app),
        Action::ModalNextField | Action::ModalPrevField => {
            if let Some(Modal::Form(f)) = &mut app.modal {
                f.step(action == Action::ModalNextField);
            }
        }
        Action::ModalAccept => effects.extend(edit::accept(app)),
        // Esc in a milestone's date field goes back to the list; elsewhere it closes.
        Action::ModalCancel => match &mut app.modal {
            Some(Modal::Milestones(l)) if l.date.is_some() => l.date = None,
            _ => app.modal = None,
        },
        Action::ModalUp | Action::ModalDown if matches!(app.modal, Some(Modal::Milestones(_))) => {
            super::ledger::step_milestones(app, action == Action::ModalDown)
        }
        Action::ModalUp => edit::step(app, false),
        Action::ModalDown => edit::step(app, true),
        Action::ModalToggle => edit::toggle(app),
        Action::ModalAll => effects.extend(edit::restore_all(app)),
        Action::ModalChar(c) => {
            type_into(app, |input| input.insert(c));
        }
        Action::Paste(text) => paste(app, &text),
        Action::ModalRight => super::ledger::right(app),
        Action::ModalBackspace
        | Action::ModalDelete
        | Action::ModalLeft
        | Action::ModalHome
        | Action::ModalEnd
        | Action::ModalKillToStart
        | Action::ModalKillToEnd => {
            if let Some(input) = app.modal.as_mut().and_then(Modal::input_mut) {
                match action {
                    Action::ModalBackspace => input.backspace(),
                    Action::ModalDelete => input.delete(),
                    Action::ModalLeft => input.left(),
                    Action::ModalHome => input.home(),
                    Action::ModalKillToStart => input.kill_to_start(),
                    Action::ModalKillToEnd => input.kill_to_end(),
                    _ => input.end(),
                }
            }
        }
        Action::Saved(report) => edit::saved(app, *report),
        Action::History(h) => {
            app.history = h;
            // The file changed: what was read for the detail pane may be out of date.
            app.detail_history = None;
        }
        Action::Today(d) => {
            app.today = d;
            let days = app.settings.due_soon_days;
            for b in &mut app.boards {
                b.reassess(d, days);
            }
        }
    }
    edit::offer_lost(app);
    settle(app);
    effects
}

/// Text for the open dialog: into its field if it has one, and a fresh edit clears what the
/// dialog said was wrong. False when no dialog is open.
fn type_into(app: &mut App, put: impl FnOnce(&mut TextInput)) -> bool {
    let Some(m) = &mut app.modal else {
        return false;
    };
    if let Some(input) = m.input_mut() {
        put(input);
    }
    match m {
        Modal::Input { error, .. } => *error = None,
        Modal::Form(f) => f.error = None,
        Modal::Milestones(l) => {
            if let Some(d) = &mut l.date {
                d.error = None;
            }
        }
        _ => {}
    }
    true
}

/// Pasted text goes whole into the field being typed in: the open dialog's, else the filter
/// being typed. With neither it is nothing, never a string of commands.
fn paste(app: &mut App, text: &str) {
    if !type_into(app, |input| input.insert_str(text)) && app.filter.editing {
        app.filter.text.push_str(&super::input::one_line(text));
    }
}

/// Rows of the current list that fit on screen.
fn page(app: &App) -> isize {
    if app.help {
        return layout::help_dialog(app).visible.max(1) as isize;
    }
    (layout::list_rows(app, app.screen).height.max(1)) as isize
}

fn clamp_step(index: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (index as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

fn move_by(app: &mut App, delta: isize) {
    if app.help {
        let max = layout::help_scroll_max(app) as isize;
        let at = (app.help_scroll as isize + delta).clamp(0, max);
        app.help_scroll = u16::try_from(at).unwrap_or(0);
        return;
    }
    match app.screen {
        Screen::Overview => {
            let rows = app.overview_list();
            let i = clamp_step(app.overview_index(&rows), delta, rows.len());
            app.overview_sel = rows.get(i).map(|&b| app.boards[b].path.clone());
        }
        Screen::Program => {
            let rows = app.measure_list();
            let i = clamp_step(app.measure_index(&rows), delta, rows.len());
            select_measure(app, rows.get(i).copied());
        }
        Screen::Deadlines => {
            let rows = app.deadline_list();
            let i = clamp_step(app.deadline_index(&rows), delta, rows.len());
            app.deadline_sel = rows.get(i).map(|r| r.key(app));
        }
        s @ (Screen::Owners | Screen::Problems) if app.drill(s).is_some() => {
            let rows = app.drill_rows(s);
            let i = clamp_step(app.drill_index(s, &rows), delta, rows.len());
            let sel = rows.get(i).map(|r| r.reference.clone());
            if let Some(d) = app.drill_mut(s) {
                d.sel = sel;
            }
        }
        Screen::Owners => {
            let rows = app.owner_list();
            let i = clamp_step(app.owner_index(&rows), delta, rows.len());
            app.owner_sel = rows.get(i).map(|r| r.unit.clone());
        }
        Screen::Problems => {
            let rows = app.problem_rows();
            let i = clamp_step(app.problem_index(&rows), delta, rows.len());
            app.problem_sel = rows
                .get(i)
                .and_then(|r| app.problem_id(r))
                .map(str::to_owned);
        }
    }
}

/// Space on the owner-units screen: every screen shows only the selected unit's work, or,
/// for the unit already chosen, everyone's again.
fn owner_filter(app: &mut App) {
    let unit = match app.drill(Screen::Owners) {
        Some(d) => Some(d.key.clone()),
        None => app.owner_sel.clone(),
    };
    if unit.is_some() && app.filter.owner == unit {
        app.filter.owner = None;
    } else if unit.is_some() {
        app.filter.owner = unit;
    }
}

/// Enter on a drill list: the measure in its program. The program screen must show it, so
/// a filter that would hide it is lifted.
fn jump_to_measure(app: &mut App, screen: Screen) {
    let rows = app.drill_rows(screen);
    let Some(at) = rows.get(app.drill_index(screen, &rows)).and_then(|r| r.at) else {
        return;
    };
    let Some((_, m)) = app.measure_at(at) else {
        return;
    };
    let id = m.id.clone();
    if !app.matches(m) {
        app.filter.clear();
    }
    let path = app.boards[at.0].path.clone();
    open_program(app, path, Some(id));
    app.back_to = Some(screen);
}

fn select_measure(app: &mut App, measure: Option<usize>) {
    let id = measure.and_then(|i| {
        app.current_board()
            .and_then(|b| b.program.as_ref())
            .map(|p| p.measures[i].id.clone())
    });
    app.measure_sel = id;
}

fn open_program(app: &mut App, path: std::path::PathBuf, measure: Option<String>) {
    if app.program_path.as_ref() != Some(&path) {
        app.measure_scroll = Default::default();
    }
    app.overview_sel = Some(path.clone());
    app.program_path = Some(path);
    app.measure_sel = measure;
    app.screen = Screen::Program;
    app.back_to = None;
}

fn open(app: &mut App) {
    match app.screen {
        Screen::Overview => {
            if let Some(path) = app.overview_sel.clone() {
                let keep = (app.program_path.as_ref() == Some(&path))
                    .then(|| app.measure_sel.clone())
                    .flatten();
                open_program(app, path, keep);
            }
        }
        Screen::Deadlines => {
            if let Some((path, id)) = app.deadline_sel.clone() {
                // The measure must be visible there, whatever the program screen's filter.
                app.filter.status = None;
                open_program(app, path, Some(id));
                app.back_to = Some(Screen::Deadlines);
            }
        }
        s @ (Screen::Owners | Screen::Problems) if app.drill(s).is_some() => {
            jump_to_measure(app, s)
        }
        Screen::Owners => app.owner_drill = app.owner_sel.clone().map(super::Drill::new),
        Screen::Problems => app.problem_drill = app.problem_sel.clone().map(super::Drill::new),
        Screen::Program => {}
    }
}

fn back(app: &mut App) {
    if app.help {
        app.help = false;
    } else if app.show_since {
        app.show_since = false;
    } else if app.screen == Screen::Owners && app.owner_drill.is_some() {
        app.owner_drill = None;
    } else if app.screen == Screen::Problems && app.problem_drill.is_some() {
        app.problem_drill = None;
    } else if app.screen == Screen::Program
        && let Some(list) = app.back_to.take()
    {
        app.screen = list;
    } else if app.screen != Screen::Overview {
        app.screen = Screen::Overview;
    } else if app.filter.is_active() {
        app.filter.clear();
    }
}

fn switch_screen(app: &mut App, dir: isize) {
    let screens = app.screens();
    let i = screens.iter().position(|&s| s == app.screen).unwrap_or(0);
    let n = screens.len() as isize;
    go_to(app, screens[(i as isize + dir).rem_euclid(n) as usize]);
}

/// Shows `screen`; the program screen, never opened yet, opens the program selected on the
/// overview.
fn go_to(app: &mut App, screen: Screen) {
    if screen == Screen::Program
        && app.program_path.is_none()
        && let Some(path) = app.overview_sel.clone()
    {
        open_program(app, path, None);
    }
    if screen != Screen::Program || app.program_path.is_some() {
        app.screen = screen;
        app.back_to = None;
    }
}

fn step_program(app: &mut App, dir: isize) {
    if app.screen != Screen::Program {
        return;
    }
    let rows = app.overview_list();
    let Some(pos) = app
        .program_path
        .as_ref()
        .and_then(|p| rows.iter().position(|&i| &app.boards[i].path == p))
    else {
        return;
    };
    let next = clamp_step(pos, dir, rows.len());
    if next != pos {
        let path = app.boards[rows[next]].path.clone();
        open_program(app, path, None);
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    let pos = ratatui::layout::Position { x, y };
    if let Some((_, screen)) = layout::tabs(app).into_iter().find(|(r, _)| r.contains(pos)) {
        go_to(app, screen);
        return;
    }
    if app.help {
        app.help = false;
        return;
    }
    let rows = layout::list_rows(app, app.screen);
    if !rows.contains(pos) {
        return;
    }
    let target = offset_of(app) + (y - rows.y) as usize;
    let (current, len) = match app.screen {
        Screen::Overview => {
            let r = app.overview_list();
            (app.overview_index(&r), r.len())
        }
        Screen::Program => {
            let r = app.measure_list();
            (app.measure_index(&r), r.len())
        }
        Screen::Deadlines => {
            let r = app.deadline_list();
            (app.deadline_index(&r), r.len())
        }
        s @ (Screen::Owners | Screen::Problems) if app.drill(s).is_some() => {
            let r = app.drill_rows(s);
            (app.drill_index(s, &r), r.len())
        }
        Screen::Owners => {
            let r = app.owner_list();
            (app.owner_index(&r), r.len())
        }
        Screen::Problems => {
            let r = app.problem_rows();
            (app.problem_index(&r), r.len())
        }
    };
    if target >= len {
        return;
    }
    // A click on the row already selected opens it, as a double click would.
    if target == current {
        open(app);
    } else {
        move_by(app, target as isize - current as isize);
    }
}

fn offset_of(app: &App) -> usize {
    match app.screen {
        Screen::Overview => app.overview_scroll.offset,
        Screen::Program => app.measure_scroll.offset,
        Screen::Deadlines => app.deadline_scroll.offset,
        s @ (Screen::Owners | Screen::Problems) if app.drill(s).is_some() => {
            app.drill(s).map_or(0, |d| d.scroll.offset)
        }
        Screen::Owners => app.owner_scroll.offset,
        Screen::Problems => app.problem_scroll.offset,
    }
}

/// After any change: every selection names a row that exists, and every list is scrolled so
/// its selection is on screen.
fn settle(app: &mut App) {
    let overview = app.overview_list();
    let oi = app.overview_index(&overview);
    app.overview_sel = overview.get(oi).map(|&b| app.boards[b].path.clone());
    if app
        .program_path
        .as_deref()
        .and_then(|p| app.board_index(p))
        .is_none()
    {
        app.program_path = None;
        if app.screen == Screen::Program {
            app.screen = Screen::Overview;
        }
    }
    let measures = app.measure_list();
    let mi = app.measure_index(&measures);
    select_measure(app, measures.get(mi).copied());
    let deadlines = app.deadline_list();
    let di = app.deadline_index(&deadlines);
    app.deadline_sel = deadlines.get(di).map(|r| r.key(app));

    let visible = |screen| layout::list_rows(app, screen).height as usize;
    let (vo, vm, vd) = (
        visible(Screen::Overview),
        visible(Screen::Program),
        visible(Screen::Deadlines),
    );
    app.overview_scroll.follow(oi, vo, overview.len());
    app.measure_scroll.follow(mi, vm, measures.len());
    app.deadline_scroll.follow(di, vd, deadlines.len());
    settle_lists(app);
}

/// [`settle`] for the owner-units and problem-list screens. Their lists are derived only
/// while one of them is on screen: elsewhere a key press costs nothing for them.
fn settle_lists(app: &mut App) {
    if app.problems.is_none() {
        app.problem_drill = None;
        if app.screen == Screen::Problems {
            app.screen = Screen::Overview;
        }
    }
    let screen = app.screen;
    if !matches!(screen, Screen::Owners | Screen::Problems) {
        return;
    }
    let visible = layout::list_rows(app, screen).height as usize;
    if screen == Screen::Owners {
        let rows = app.owner_list();
        let i = app.owner_index(&rows);
        app.owner_sel = rows.get(i).map(|r| r.unit.clone());
        app.owner_scroll.follow(i, visible, rows.len());
    } else {
        let rows = app.problem_rows();
        let i = app.problem_index(&rows);
        app.problem_sel = rows
            .get(i)
            .and_then(|r| app.problem_id(r))
            .map(str::to_owned);
        app.problem_scroll.follow(i, visible, rows.len());
    }
    if app.drill(screen).is_some() {
        let rows = app.drill_rows(screen);
        let i = app.drill_index(screen, &rows);
        let sel = rows.get(i).map(|r| r.reference.clone());
        if let Some(d) = app.drill_mut(screen) {
            d.sel = sel;
            d.scroll.follow(i, visible, rows.len());
        }
    }
}
