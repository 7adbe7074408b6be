//! The TUI's model and its one `update` function (The Elm Architecture). The model holds the
//! interview and what is being typed into the current screen; all clinical decisions stay in
//! the engine.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::chart::{Chart, Direction};
use crate::engine::{Answer, Interview, State};
use crate::questionnaire::{Kind, QIdx, Questionnaire};

use super::keymap::{Ctx, Flags, Msg};
use super::outcome::Outcome;
use super::scroll::Scroll;
use super::shell::{self, Mode, Quitting, Screens, Shell};
use super::theme::Theme;

use crate::store::offer::Offer;

/// Something for the event loop to do outside the model (it reports back in `status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Forget this saved unfinished interview (the person chose to start over).
    DiscardSaved(i64),
    /// Carry on saving into this draft (and this finished record, if it reopened one).
    Resumed { draft: i64, record: Option<String> },
    /// Save the result's report and say where it went.
    SaveReport,
}

/// The yes/no questions the interview asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Leave kinscreen.
    Quit,
    /// Starting over would delete the unfinished interview on offer.
    StartOver,
}

/// A window over the screen.
pub type Overlay = shell::Overlay<Question>;

/// Everything the screens show.
#[derive(Debug, Clone)]
pub struct App {
    pub interview: Interview,
    /// The welcome screen has been left.
    pub started: bool,
    /// Windows, status line, exit, theme, size and saving, as in every mode.
    pub shell: Shell<Question>,
    /// Highlighted option (or review row).
    pub cursor: usize,
    /// Ticked options of a multi choice not yet confirmed.
    pub ticked: BTreeSet<usize>,
    /// Value of a scale not yet confirmed: none until the person chooses one (a hurried Enter
    /// must not record a number they never picked).
    pub value: Option<i64>,
    /// Where a scrolling screen (welcome, alert, result) is.
    pub scroll: Scroll,
    /// A saved interview to resume, shown on the welcome screen.
    pub offer: Option<Offer>,
    /// Work for the event loop, in order.
    pub effects: Vec<Effect>,
    /// Why the last save failed; shown until a save succeeds.
    pub save_error: Option<String>,
    /// The interview state the drafts were loaded for.
    loaded: Option<State>,
    /// The body chart for this questionnaire, if it has one: read when first needed (not before
    /// the first frame).
    chart: std::cell::OnceCell<Option<Arc<Chart>>>,
    /// Whether questions the chart can answer show it (off with `NO_COLOR`; Tab switches).
    pub chart_view: bool,
    /// The highlighted region of the chart.
    pub region: usize,
    /// Options suggested for later questions by a region chosen on the chart (the side of a
    /// knee chosen on "where is the pain"), by question.
    pub hints: BTreeMap<QIdx, usize>,
    /// Where the figure was last drawn (its top-left cell), for mouse clicks.
    pub chart_at: std::cell::Cell<Option<(u16, u16)>>,
}

impl App {
    pub fn new(q: Arc<Questionnaire>, theme: Theme) -> Self {
        let mut app = App {
            interview: Interview::new(Arc::clone(&q)),
            started: false,
            shell: Shell::new(theme),
            cursor: 0,
            ticked: BTreeSet::new(),
            value: None,
            scroll: Scroll::default(),
            offer: None,
            effects: Vec::new(),
            save_error: None,
            loaded: None,
            chart: std::cell::OnceCell::new(),
            chart_view: theme.color,
            region: 0,
            hints: BTreeMap::new(),
            chart_at: std::cell::Cell::new(None),
        };
        app.load_drafts();
        app
    }

    pub fn questionnaire(&self) -> &Arc<Questionnaire> {
        self.interview.questionnaire()
    }

    /// When the interview moves, set the drafts from the stored answer (or defaults).
    fn load_drafts(&mut self) {
        let state = self.interview.state().clone();
        if self.loaded.as_ref() == Some(&state) {
            return;
        }
        let previous = self.loaded.replace(state.clone());
        self.scroll.home();
        self.cursor = 0;
        self.ticked.clear();
        match state {
            State::Asking(i) => {
                let q = self.questionnaire().clone();
                let question = &q.questions[i];
                let stored = self.interview.answer(i).cloned();
                match (&question.kind, stored) {
                    (Kind::Scale { .. }, stored) => {
                        self.value = match stored {
                            Some(Answer::Number(n)) => Some(n),
                            _ => None,
                        };
                    }
                    (_, Some(Answer::Choice(o))) => self.cursor = o,
                    (_, Some(Answer::Choices(os))) => {
                        self.cursor = os.first().copied().unwrap_or(0);
                        self.ticked = os.into_iter().collect();
                    }
                    // A region chosen on the chart earlier suggests this answer.
                    (Kind::Single { .. }, None) => {
                        if let Some(o) = self.hints.get(&i) {
                            self.cursor = *o;
                        }
                    }
                    _ => {}
                }
                if let Some(chart) = self.chart() {
                    let regions = chart.regions_for(i);
                    let chosen = |r: &usize| {
                        chart.regions[*r]
                            .option(i)
                            .is_some_and(|o| o == self.cursor || self.ticked.contains(&o))
                    };
                    let stored = self.interview.answer(i).is_some();
                    self.region = regions
                        .iter()
                        .copied()
                        .find(|r| stored && chosen(r))
                        .or(regions.first().copied())
                        .unwrap_or(0);
                }
            }
            State::Review => {
                // Back from a question (an edit, or the last answer): highlight its row.
                if let Some(State::Asking(i)) = previous {
                    self.cursor = self.review_rows().iter().position(|r| *r == i).unwrap_or(0);
                }
            }
            State::Alert(_) | State::Finished => {}
        }
    }

    /// The body chart, if the questionnaire has one.
    pub fn chart(&self) -> Option<&Arc<Chart>> {
        self.chart
            .get_or_init(|| Chart::builtin(self.questionnaire()).map(Arc::new))
            .as_ref()
    }

    /// Whether question `i` is shown on the body chart now.
    pub fn on_chart(&self, i: QIdx) -> bool {
        self.chart_view && self.chartable(i)
    }

    /// Whether the chart can answer question `i`, colour is on to draw it and the screen is
    /// large enough (with room for the words beside the figure; else the list shows).
    fn chartable(&self, i: QIdx) -> bool {
        let (w, h) = (
            usize::from(self.shell.size.0),
            usize::from(self.shell.size.1),
        );
        self.shell.theme.color
            && !matches!(self.questionnaire().questions[i].kind, Kind::Scale { .. })
            && self.chart().is_some_and(|c| {
                c.answers(i) && w >= c.width() + 28 && h >= c.header.len() + c.cells.len() + 9
            })
    }

    /// Marks the highlighted region: chooses its option (a single choice, which then goes on)
    /// or ticks and unticks it (a multi choice).
    fn mark_region(&mut self) {
        let (Some(chart), Some(i)) = (self.chart().cloned(), self.interview.current()) else {
            return;
        };
        let Some(region) = chart.regions.get(self.region) else {
            return;
        };
        let Some(o) = region.option(i) else { return };
        match self.questionnaire().questions[i].kind {
            Kind::Single { .. } => {
                for (q, option) in &region.answers {
                    if *q != i {
                        self.hints.insert(*q, *option);
                    }
                }
                self.cursor = o;
                self.answer(Answer::Choice(o));
            }
            Kind::Multi { .. } => {
                self.cursor = o;
                self.toggle(o);
            }
            Kind::Scale { .. } => {}
        }
    }

    /// The list screen of the current question (a chart shows a single or multi choice).
    fn list_ctx(&self) -> Ctx {
        match self
            .interview
            .current()
            .map(|i| &self.questionnaire().questions[i].kind)
        {
            Some(Kind::Multi { .. }) => Ctx::Multi,
            Some(Kind::Scale { .. }) => Ctx::Scale,
            _ => Ctx::Single,
        }
    }

    /// Whether the current question takes several answers.
    fn multi(&self) -> bool {
        self.list_ctx() == Ctx::Multi
    }

    fn option_count(&self) -> usize {
        self.interview.current().map_or(0, |i| {
            self.questionnaire().questions[i].kind.options().len()
        })
    }

    /// Rows of the review list (the answered questions on the path).
    pub fn review_rows(&self) -> Vec<usize> {
        self.interview.asked()
    }

    fn move_cursor(&mut self, down: bool, rows: usize) {
        if rows == 0 {
            return;
        }
        self.cursor = if down {
            (self.cursor + 1).min(rows - 1)
        } else {
            self.cursor.saturating_sub(1)
        };
    }

    fn toggle(&mut self, o: usize) {
        let Some(i) = self.interview.current() else {
            return;
        };
        let q = self.questionnaire().clone();
        let options = q.questions[i].kind.options();
        if self.ticked.remove(&o) {
            return;
        }
        if options[o].exclusive {
            self.ticked.clear();
        } else {
            self.ticked.retain(|t| !options[*t].exclusive);
        }
        self.ticked.insert(o);
    }

    fn answer(&mut self, answer: Answer) {
        if let Err(e) = self.interview.answer_current(answer) {
            self.shell.status = Some(crate::view::refusal(&self.interview, &e));
        }
    }

    /// The exclusive ("none of these") option of the current multi choice.
    fn exclusive_option(&self) -> Option<usize> {
        let i = self.interview.current()?;
        self.questionnaire().questions[i]
            .kind
            .options()
            .iter()
            .position(|o| o.exclusive)
    }

    /// The option a digit picks: 1..9 the first nine, 0 the tenth.
    fn digit_option(&self, d: u8) -> Option<usize> {
        let index = if d == 0 { 9 } else { usize::from(d) - 1 };
        (index < self.option_count()).then_some(index)
    }
}

/// Applies one message.
pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Shell(msg) => shell::handle(app, msg),
        // A window over the screen takes only the shell's keys.
        _ if app.shell.overlay().is_some() => {}
        _ => screen(app, msg),
    }
}

impl Mode for App {
    type Screen = Ctx;
    type Question = Question;

    shell::shell_in_field!(Question);

    /// The screen in front of the person, as the keymap knows it (under any window).
    fn screen(&self) -> Ctx {
        if !self.started {
            return Ctx::Welcome;
        }
        match self.interview.state() {
            State::Asking(i) if self.on_chart(*i) => Ctx::Chart,
            State::Asking(_) => self.list_ctx(),
            State::Alert(_) => Ctx::Alert,
            State::Review => Ctx::Review,
            State::Finished => Ctx::Result,
        }
    }

    /// Flags that switch optional bindings on.
    fn flags(&self) -> Flags {
        let optional = self
            .interview
            .current()
            .is_some_and(|i| !self.questionnaire().questions[i].required);
        Flags {
            optional,
            early: self.interview.can_finish_early(),
            offer: self.offer.is_some() && !self.started,
            chart: self.interview.current().is_some_and(|i| self.chartable(i)),
            multi: self.multi(),
        }
    }

    fn quitting(&self) -> Quitting<Question> {
        Quitting::Ask(Question::Quit)
    }

    fn confirmed(&mut self, question: Question) {
        match question {
            Question::StartOver => {
                if let Some(offer) = self.offer.take() {
                    self.effects.push(Effect::DiscardSaved(offer.draft));
                }
                self.started = true;
                self.scroll.home();
            }
            Question::Quit => {
                self.shell.exit = Some(if *self.interview.state() == State::Finished {
                    Outcome::Done
                } else {
                    Outcome::Cancelled
                });
            }
        }
    }
}

/// A message of the interview's own, on its screen.
fn screen(app: &mut App, msg: Msg) {
    let ctx = match app.screen() {
        // The chart moves, marks and takes clicks; every other key (a digit, none of these,
        // skip, back, the result now, going on with a multi choice) does what it does on the
        // list of the same question.
        Ctx::Chart => match msg {
            Msg::Up | Msg::Down | Msg::Left | Msg::Right | Msg::Toggle | Msg::Click(..) => {
                Ctx::Chart
            }
            Msg::Confirm if !app.multi() => Ctx::Chart,
            Msg::SwitchView => Ctx::Chart,
            _ => app.list_ctx(),
        },
        ctx => ctx,
    };
    app.shell.status = None;
    let page = app.shell.size.1.saturating_sub(8).max(1) as isize;
    match (ctx, msg) {
        (Ctx::Welcome, Msg::Confirm) => {
            if app.offer.is_some() {
                app.shell.ask(Question::StartOver);
            } else {
                app.started = true;
                app.scroll.home();
            }
        }
        (Ctx::Welcome, Msg::Resume) => {
            if let Some(offer) = app.offer.take() {
                app.effects.push(Effect::Resumed {
                    draft: offer.draft,
                    record: offer.record,
                });
                app.interview = offer.interview;
                app.started = true;
                app.scroll.home();
            }
        }
        (Ctx::Result, Msg::SaveReport) => app.effects.push(Effect::SaveReport),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::Up) => app.scroll.by(-1),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::Down) => app.scroll.by(1),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::PageUp) => app.scroll.pages(-1),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::PageDown) => app.scroll.pages(1),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::Home) => app.scroll.home(),
        (Ctx::Welcome | Ctx::Alert | Ctx::Result, Msg::End) => app.scroll.end(),

        (Ctx::Single | Ctx::Multi, Msg::Up | Msg::Down) => {
            let n = app.option_count();
            app.move_cursor(msg == Msg::Down, n);
        }
        (Ctx::Single | Ctx::Multi, Msg::Home) => app.cursor = 0,
        (Ctx::Single | Ctx::Multi, Msg::End) => app.cursor = app.option_count().saturating_sub(1),
        (Ctx::Review, Msg::Home) => app.cursor = 0,
        (Ctx::Review, Msg::End) => app.cursor = app.review_rows().len().saturating_sub(1),
        (Ctx::Single, Msg::Confirm) => app.answer(Answer::Choice(app.cursor)),
        (Ctx::Single, Msg::Pick(d)) => {
            if let Some(o) = app.digit_option(d) {
                app.cursor = o;
                app.answer(Answer::Choice(o));
            }
        }
        (Ctx::Multi, Msg::Toggle) => app.toggle(app.cursor),
        (Ctx::Multi, Msg::Pick(d)) => {
            if let Some(o) = app.digit_option(d) {
                app.cursor = o;
                app.toggle(o);
            }
        }
        (Ctx::Chart, Msg::Up | Msg::Down | Msg::Left | Msg::Right) => {
            if let (Some(chart), Some(i)) = (app.chart(), app.interview.current()) {
                let direction = match msg {
                    Msg::Up => Direction::Up,
                    Msg::Down => Direction::Down,
                    Msg::Left => Direction::Left,
                    _ => Direction::Right,
                };
                app.region = chart.next(app.region, direction, &chart.regions_for(i));
            }
        }
        (Ctx::Chart, Msg::Click(column, row)) => {
            let hit = match (app.chart(), app.chart_at.get(), app.interview.current()) {
                (Some(chart), Some((x, y)), Some(i)) => column
                    .checked_sub(x)
                    .zip(row.checked_sub(y))
                    .and_then(|(c, r)| chart.region_at(usize::from(c), usize::from(r)))
                    .filter(|r| chart.regions[*r].option(i).is_some()),
                _ => None,
            };
            if let Some(r) = hit {
                app.region = r;
                app.mark_region();
            }
        }
        (Ctx::Chart, Msg::Toggle | Msg::Confirm) => app.mark_region(),
        (Ctx::Chart | Ctx::Single | Ctx::Multi, Msg::SwitchView) => {
            app.chart_view = !app.chart_view;
        }
        (Ctx::Multi, Msg::PickNone) => {
            if let Some(o) = app.exclusive_option() {
                app.cursor = o;
                if !app.ticked.contains(&o) {
                    app.toggle(o);
                }
            }
        }
        (Ctx::Multi, Msg::Confirm) => {
            if app.ticked.is_empty() {
                app.shell.status = Some(crate::t!(
                    "status-tick-one",
                    tick = Ctx::Multi.label(Msg::Toggle),
                    confirm = Ctx::Multi.label(Msg::Confirm)
                ));
            } else {
                app.answer(Answer::Choices(app.ticked.iter().copied().collect()));
            }
        }
        (Ctx::Scale, Msg::Left | Msg::Right) => {
            if let Some(Kind::Scale { min, max, .. }) = app
                .interview
                .current()
                .map(|i| app.questionnaire().questions[i].kind.clone())
            {
                // The first arrow press picks the middle; later ones move from there.
                let step = if msg == Msg::Right { 1 } else { -1 };
                app.value = Some(match app.value {
                    Some(v) => (v + step).clamp(min, max),
                    None => min + (max - min) / 2,
                });
            }
        }
        (Ctx::Scale, Msg::Pick(d)) => {
            if let Some(Kind::Scale { min, max, .. }) = app
                .interview
                .current()
                .map(|i| app.questionnaire().questions[i].kind.clone())
            {
                let d = i64::from(d);
                // Typing 0 right after 1 makes 10 on a scale that reaches it.
                let now = app.value.unwrap_or(0);
                let tens = now * 10 + d;
                app.value = if now > 0 && tens <= max && tens >= min {
                    Some(tens)
                } else if (min..=max).contains(&d) {
                    Some(d)
                } else {
                    app.value
                };
            }
        }
        (Ctx::Scale, Msg::Confirm) => match app.value {
            Some(v) => app.answer(Answer::Number(v)),
            None => {
                app.shell.status = Some(crate::t!(
                    "status-choose-number",
                    left = Ctx::Scale.label(Msg::Left),
                    right = Ctx::Scale.label(Msg::Right),
                    confirm = Ctx::Scale.label(Msg::Confirm)
                ));
            }
        },
        (Ctx::Single | Ctx::Multi | Ctx::Scale, Msg::Skip) => {
            if let Err(e) = app.interview.skip_current() {
                app.shell.status = Some(crate::view::refusal(&app.interview, &e));
            }
        }
        (Ctx::Single | Ctx::Multi | Ctx::Scale | Ctx::Alert | Ctx::Review, Msg::Finish) => {
            if let Err(e) = app.interview.finish() {
                app.shell.status = Some(crate::view::refusal(&app.interview, &e));
            }
        }
        (Ctx::Alert, Msg::Confirm) => {
            if let Err(e) = app.interview.acknowledge() {
                app.shell.status = Some(crate::view::refusal(&app.interview, &e));
            }
        }
        (Ctx::Review, Msg::Up | Msg::Down) => {
            let n = app.review_rows().len();
            app.move_cursor(msg == Msg::Down, n);
        }
        (Ctx::Review, Msg::PageUp | Msg::PageDown) => {
            let n = app.review_rows().len();
            for _ in 0..page {
                app.move_cursor(msg == Msg::PageDown, n);
            }
        }
        (Ctx::Review, Msg::Confirm) => {
            if let Some(q) = app.review_rows().get(app.cursor).copied()
                && let Err(e) = app.interview.edit(q)
            {
                app.shell.status = Some(crate::view::refusal(&app.interview, &e));
            }
        }
        (_, Msg::Back) => {
            if app.interview.can_go_back() {
                let _ = app.interview.back();
            } else if ctx != Ctx::Welcome {
                app.started = false;
            }
        }
        _ => {}
    }
    app.load_drafts();
}
