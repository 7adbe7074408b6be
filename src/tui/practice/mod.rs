//! Practice mode in the terminal: the case list, the question board with the running
//! transcript, the hypothesis form and the debrief. The model and its `update` are here, the
//! drawing in [`view`], the keys in [`keys`]; the marking itself is `crate::practice`.

pub mod keys;
pub mod session;
pub mod view;

use crate::practice::ask::{Shared, Understood};
use crate::practice::debrief::mode_name;
use crate::practice::{
    AskMode, Attempt, Broken, Grade, Hypothesis, LogEntry, Marking, Station, Target, grade,
};
use crate::questionnaire::{CIdx, QIdx, TIdx};
use crate::store::{self, Store};
use crate::tui::shell::Screens;

use super::outcome::Outcome;
use super::scroll::Scroll;
use super::shell::{self, Mode, Quitting, Shell};
use super::theme::Theme;
use keys::{Ctx, Msg};

/// The screen in front of the student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Board,
    Commit,
    Debrief,
}

/// The yes/no questions practice asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Leave the patient before committing (nothing is marked).
    Leave,
    /// Commit the hypothesis (no more questions afterwards).
    Commit,
}

/// A window over the screen.
pub type Overlay = shell::Overlay<Question>;

/// The parts of the hypothesis form.
pub const CLASS: usize = 0;
pub const TRIAGE: usize = 1;
pub const FINDINGS: usize = 2;

/// The hypothesis being put together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The part with the focus: [`CLASS`], [`TRIAGE`] or [`FINDINGS`].
    pub part: usize,
    /// Highlighted row in each part.
    pub cursor: [usize; 3],
    pub class: Option<CIdx>,
    pub triage: Option<TIdx>,
    /// Ticked findings, in the order they were asked.
    pub findings: Vec<QIdx>,
}

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append this attempt to the practice log (the loop sets the time).
    Log(Box<LogEntry>),
}

/// Everything the practice screens show.
#[derive(Debug, Clone)]
pub struct PracticeApp {
    pub stations: Vec<Station>,
    /// How attempts are marked.
    pub marking: Marking,
    /// Reads typed questions.
    /// Reads typed questions (built on another thread while the list is first drawn).
    pub matcher: Shared,
    /// How questions are put now (the student can switch).
    pub mode: AskMode,
    /// What is typed in the question line.
    pub input: String,
    /// The items offered under the question line: the long menu's matches, or the readings a
    /// typed question could have.
    pub menu: Vec<Target>,
    pub menu_cursor: usize,
    /// The typed question whose readings the menu offers.
    pub pending: Option<String>,
    /// Digits typed on the case list ("1", "12").
    pub number: usize,
    /// Everything said so far, including questions not understood and repeats.
    pub transcript: Vec<Exchange>,
    /// Cases that could not be loaded, named on the list.
    pub broken: Vec<Broken>,
    /// Earlier attempts and this session's, for the list's "best" column.
    pub log: Vec<LogEntry>,
    pub screen: Screen,
    /// Windows, status line, exit, theme, size and saving, as in every mode.
    pub shell: Shell<Question>,
    pub list_cursor: usize,
    /// The case being practised (index into `stations`).
    pub station: usize,
    pub attempt: Attempt,
    /// The board's items in the order shown (by section).
    pub board: Vec<QIdx>,
    pub board_cursor: usize,
    /// Transcript lines scrolled back from the newest.
    pub transcript_back: usize,
    pub form: Form,
    pub grade: Option<Grade>,
    /// First line shown of the debrief.
    pub scroll: Scroll,
    /// Started with one case (`--case`): no list to go back to.
    pub single: bool,
    pub effects: Vec<Effect>,
}

/// One exchange of the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The question as typed, or the topic picked.
    pub asked: String,
    pub reply: String,
    /// Counted as a question of the attempt (false for repeats and questions back).
    pub counted: bool,
    /// Not understood.
    pub unclear: bool,
}

/// Transcript lines one PgUp/PgDn moves.
const TRANSCRIPT_PAGE: usize = 5;

impl PracticeApp {
    /// The list of `stations`; with one station and `single`, that case straight away.
    pub fn new(
        stations: Vec<Station>,
        marking: Marking,
        matcher: Shared,
        mode: AskMode,
        broken: Vec<Broken>,
        single: bool,
        theme: Theme,
    ) -> Self {
        let mut app = PracticeApp {
            stations,
            marking,
            matcher,
            mode,
            input: String::new(),
            menu: Vec::new(),
            menu_cursor: 0,
            pending: None,
            number: 0,
            transcript: Vec::new(),
            broken,
            log: Vec::new(),
            screen: Screen::List,
            shell: Shell::new(theme),
            list_cursor: 0,
            station: 0,
            attempt: Attempt::new(),
            board: Vec::new(),
            board_cursor: 0,
            transcript_back: 0,
            form: Form::default(),
            grade: None,
            scroll: Scroll::default(),
            single,
            effects: Vec::new(),
        };
        if app.single && !app.stations.is_empty() {
            app.start(0);
        } else {
            app.single = false;
        }
        app
    }

    /// The case being practised.
    pub fn current(&self) -> &Station {
        &self.stations[self.station]
    }

    /// Whether the case list can be gone back to.
    pub fn has_list(&self) -> bool {
        !self.single
    }

    fn start(&mut self, station: usize) {
        self.station = station;
        self.attempt = Attempt::in_mode(self.mode);
        self.clear_line();
        self.transcript.clear();
        let q = self.current().questionnaire().clone();
        self.board = (0..q.sections.len())
            .flat_map(|s| {
                q.questions
                    .iter()
                    .enumerate()
                    .filter(move |(_, x)| x.section == s)
                    .map(|(i, _)| i)
            })
            .collect();
        self.board_cursor = 0;
        self.transcript_back = 0;
        self.form = Form::default();
        self.grade = None;
        self.scroll.home();
        self.shell.status = None;
        self.screen = Screen::Board;
    }

    /// Empties the question line and what it offers.
    fn clear_line(&mut self) {
        self.input.clear();
        self.menu.clear();
        self.menu_cursor = 0;
        self.pending = None;
    }

    /// The rows of a part of the form.
    pub fn form_rows(&self, part: usize) -> usize {
        let q = self.current().questionnaire();
        match part {
            CLASS => q.classes.len(),
            TRIAGE => q.triage.len(),
            _ => self.attempt.asked().len(),
        }
    }

    /// Best score and number of attempts of a case in the log.
    pub fn record_of(&self, case_id: &str) -> Option<(u32, usize)> {
        let scores: Vec<u32> = self
            .log
            .iter()
            .filter(|e| e.case == case_id)
            .map(|e| e.score)
            .collect();
        scores.iter().max().map(|best| (*best, scores.len()))
    }
}

fn step(cursor: &mut usize, len: usize, down: bool) {
    if len == 0 {
        *cursor = 0;
    } else if down {
        *cursor = (*cursor + 1).min(len - 1);
    } else {
        *cursor = cursor.saturating_sub(1);
    }
}

/// Applies one message to the model.
pub fn update(app: &mut PracticeApp, msg: Msg) {
    let msg = match msg {
        Msg::Shell(msg) => return shell::handle(app, msg),
        // A window over the screen takes only the shell's keys.
        _ if app.shell.overlay().is_some() => return,
        msg => msg,
    };
    app.shell.status = None;
    match app.screen {
        Screen::List => list(app, msg),
        Screen::Board if app.mode == AskMode::Guided => board(app, msg),
        Screen::Board => ask(app, msg),
        Screen::Commit => form(app, msg),
        Screen::Debrief => debrief(app, msg),
    }
}

impl Mode for PracticeApp {
    type Screen = Ctx;
    type Question = Question;

    shell::shell_in_field!(Question);

    /// The screen in front of the student, as the keymap knows it (under any window).
    fn screen(&self) -> Ctx {
        match self.screen {
            Screen::List => Ctx::List,
            Screen::Board if self.mode == AskMode::Guided => Ctx::Board,
            Screen::Board => Ctx::Ask,
            Screen::Commit => Ctx::Commit,
            Screen::Debrief => Ctx::Debrief,
        }
    }

    fn flags(&self) -> keys::Flags {
        keys::Flags {
            list: self.has_list(),
            menu: !self.menu.is_empty(),
        }
    }

    /// Leaving a patient before committing asks first (nothing is marked); elsewhere nothing
    /// is lost.
    fn quitting(&self) -> Quitting<Question> {
        match self.screen {
            Screen::Board | Screen::Commit => Quitting::Ask(Question::Leave),
            Screen::List | Screen::Debrief => Quitting::Now(Outcome::Done),
        }
    }

    fn confirmed(&mut self, question: Question) {
        match question {
            Question::Leave => self.shell.exit = Some(Outcome::Cancelled),
            Question::Commit => commit(self),
        }
    }
}

fn list(app: &mut PracticeApp, msg: Msg) {
    let typed = std::mem::take(&mut app.number);
    match msg {
        Msg::Up | Msg::Down => step(&mut app.list_cursor, app.stations.len(), msg == Msg::Down),
        Msg::Home => app.list_cursor = 0,
        Msg::End => app.list_cursor = app.stations.len().saturating_sub(1),
        Msg::Select if !app.stations.is_empty() => app.start(app.list_cursor),
        Msg::Number(d) => {
            let len = app.stations.len();
            // "1" then "2" is case 12 when there is one, else case 2.
            let longer = typed * 10 + usize::from(d);
            let n = if typed > 0 && longer <= len {
                longer
            } else {
                usize::from(d)
            };
            if (1..=len).contains(&n) {
                app.list_cursor = n - 1;
                app.number = n;
            } else {
                app.shell.status = Some(format!(
                    "There is no case {n}: the cases go from 1 to {len}."
                ));
            }
        }
        _ => {}
    }
}

/// Keys every way of asking shares: the transcript, the hypothesis form, the next mode.
fn common(app: &mut PracticeApp, msg: Msg) {
    match msg {
        Msg::PageUp => app.transcript_back += TRANSCRIPT_PAGE,
        Msg::PageDown => app.transcript_back = app.transcript_back.saturating_sub(TRANSCRIPT_PAGE),
        Msg::Commit => {
            app.screen = Screen::Commit;
            let rows = app.form_rows(FINDINGS);
            app.form.cursor[FINDINGS] = app.form.cursor[FINDINGS].min(rows.saturating_sub(1));
        }
        Msg::NextMode => {
            app.mode = app.mode.next();
            app.attempt.switch(app.mode);
            app.clear_line();
            app.shell.status = Some(format!("Now asking by {}.", mode_name(app.mode)));
        }
        _ => {}
    }
}

/// Asks the patient about `targets`, as typed (`text`) or picked; notes the exchange.
fn put(app: &mut PracticeApp, text: Option<&str>, targets: &[Target]) {
    let s = &app.stations[app.station];
    let q = s.questionnaire().clone();
    let (reply, counted) =
        crate::practice::ask::put(s, &app.matcher.get().texts, &mut app.attempt, text, targets);
    let asked = match text {
        Some(t) => t.trim().to_string(),
        None => targets
            .iter()
            .map(|t| crate::practice::ask::target_name(&q, *t).to_string())
            .collect::<Vec<_>>()
            .join("; "),
    };
    if !counted {
        app.shell.status =
            Some("Asked before: the patient says the same again (not counted).".into());
    }
    app.transcript.push(Exchange {
        asked,
        reply,
        counted,
        unclear: targets.is_empty(),
    });
    app.transcript_back = 0;
}

/// The question line: typed questions, or the long menu.
fn ask(app: &mut PracticeApp, msg: Msg) {
    match msg {
        Msg::Type(c) => {
            app.input.push(c);
            refresh_menu(app);
        }
        Msg::Erase => {
            app.input.pop();
            refresh_menu(app);
        }
        Msg::Up | Msg::Down => step(&mut app.menu_cursor, app.menu.len(), msg == Msg::Down),
        Msg::Select => {
            let text = app.input.trim().to_string();
            if app.mode == AskMode::Typed && !text.is_empty() {
                app.input.clear();
                let heard = crate::practice::ask::hear(app.current(), app.matcher.get(), &text);
                match heard.reading.understood {
                    Understood::Asked(targets) => put(app, Some(&text), &targets),
                    Understood::Unclear => put(app, Some(&text), &[]),
                    Understood::Choice(targets) => {
                        app.transcript.push(Exchange {
                            asked: text.clone(),
                            reply: heard.said,
                            counted: false,
                            unclear: false,
                        });
                        app.transcript_back = 0;
                        app.menu = targets;
                        app.menu_cursor = 0;
                        app.pending = Some(text);
                    }
                }
            } else if let Some(t) = app.menu.get(app.menu_cursor).copied() {
                let text = app.pending.take();
                app.clear_line();
                put(app, text.as_deref(), &[t]);
            } else {
                app.shell.status = Some(match app.mode {
                    AskMode::LongMenu => "Type a few letters of what you want to ask about.".into(),
                    _ => "Type a question for the patient, then Enter.".into(),
                });
            }
        }
        msg => common(app, msg),
    }
}

/// The long menu follows what is typed; in typed mode, typing drops a question's readings.
fn refresh_menu(app: &mut PracticeApp) {
    if app.mode == AskMode::LongMenu {
        app.menu = app.matcher.get().menu(&app.input);
        app.menu_cursor = app.menu_cursor.min(app.menu.len().saturating_sub(1));
    } else if app.pending.take().is_some() {
        app.menu.clear();
        app.menu_cursor = 0;
    }
}

fn board(app: &mut PracticeApp, msg: Msg) {
    match msg {
        Msg::Up | Msg::Down => step(&mut app.board_cursor, app.board.len(), msg == Msg::Down),
        Msg::Home => app.board_cursor = 0,
        Msg::End => app.board_cursor = app.board.len().saturating_sub(1),
        Msg::Select => {
            let item = app.board[app.board_cursor];
            put(app, None, &[Target { item, option: None }]);
        }
        msg => common(app, msg),
    }
}

fn form(app: &mut PracticeApp, msg: Msg) {
    let part = app.form.part;
    let rows = app.form_rows(part);
    match msg {
        Msg::Up | Msg::Down => step(&mut app.form.cursor[part], rows, msg == Msg::Down),
        Msg::NextGroup => app.form.part = (part + 1) % 3,
        Msg::PrevGroup => app.form.part = (part + 2) % 3,
        Msg::Toggle if rows > 0 => {
            let at = app.form.cursor[part];
            match part {
                CLASS => app.form.class = Some(CIdx(at)),
                TRIAGE => app.form.triage = Some(TIdx(at)),
                _ => {
                    let item = app.attempt.asked()[at];
                    if let Some(p) = app.form.findings.iter().position(|f| *f == item) {
                        app.form.findings.remove(p);
                    } else {
                        app.form.findings.push(item);
                        let asked = app.attempt.asked();
                        app.form
                            .findings
                            .sort_by_key(|f| asked.iter().position(|a| a == f));
                    }
                }
            }
        }
        Msg::Toggle => {
            app.shell.status = Some("Nothing asked yet, so there are no findings to tick.".into());
        }
        Msg::Select => match (app.form.class, app.form.triage) {
            (Some(_), Some(_)) => app.shell.ask(Question::Commit),
            (None, _) => {
                app.form.part = CLASS;
                app.shell.status = Some(format!(
                    "Choose what the picture looks like first ({}).",
                    Ctx::Commit.label(Msg::Toggle)
                ));
            }
            (_, None) => {
                app.form.part = TRIAGE;
                app.shell.status = Some(format!(
                    "Choose how soon the patient should be seen ({}).",
                    Ctx::Commit.label(Msg::Toggle)
                ));
            }
        },
        Msg::Back => app.screen = Screen::Board,
        _ => {}
    }
}

fn commit(app: &mut PracticeApp) {
    let (Some(class), Some(triage)) = (app.form.class, app.form.triage) else {
        return;
    };
    let h = Hypothesis {
        class,
        triage,
        findings: app.form.findings.clone(),
    };
    if !app.attempt.commit(h.clone()) {
        return;
    }
    let g = grade(&app.marking, app.current(), &app.attempt, &h);
    let entry = LogEntry::of(&app.marking, app.current(), &app.attempt, &h, &g, "");
    app.effects.push(Effect::Log(Box::new(entry)));
    app.grade = Some(g);
    app.scroll.home();
    app.screen = Screen::Debrief;
}

fn debrief(app: &mut PracticeApp, msg: Msg) {
    match msg {
        Msg::Up => app.scroll.by(-1),
        Msg::Down => app.scroll.by(1),
        Msg::PageUp => app.scroll.pages(-1),
        Msg::PageDown => app.scroll.pages(1),
        Msg::Home => app.scroll.home(),
        Msg::End => app.scroll.end(),
        Msg::Another if app.has_list() => {
            app.screen = Screen::List;
            app.list_cursor = app.station;
        }
        _ => {}
    }
}

/// Carries out the model's effects; problems and confirmations go to the status line.
pub fn perform(app: &mut PracticeApp, store: Option<&Store>) {
    for effect in std::mem::take(&mut app.effects) {
        let Effect::Log(mut entry) = effect;
        entry.at = store::now();
        app.shell.status = Some(match store {
            None => "Not logged: saving is off (--no-save).".to_string(),
            Some(store) => match store.append_practice(&entry) {
                Ok(()) => format!("Attempt kept in {}", store.path().display()),
                Err(e) => format!("Could not log the attempt: {e}"),
            },
        });
        // The list shows it this session whether or not it could be written.
        app.log.push(*entry);
    }
}
