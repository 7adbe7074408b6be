//! The real binary in a pseudo-terminal (portable-pty) read through a terminal emulator
//! (vt100): real key presses, a resize, and on every way out the terminal left as it was
//! (main screen, cursor shown, canonical mode and echo back on).
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use std::os::fd::BorrowedFd;

use portable_pty::{Child, MasterPty, PtySize, native_pty_system};
use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::process::{Pid, Signal};

struct Session {
    /// The session's own data folder (never the user's).
    data: std::path::PathBuf,
    _home: Option<tempfile::TempDir>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    /// Tells the reader thread to stop (and drop its copy of the master side).
    reading: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
}

/// The master side of a pseudo-terminal as a descriptor, for the system calls the tests make
/// on it (poll, tcgetattr).
#[allow(unsafe_code)]
fn borrow_master(master: &dyn MasterPty) -> BorrowedFd<'_> {
    let fd = master.as_raw_fd().expect("a unix pty");
    // SAFETY: the descriptor belongs to `master`, which outlives the borrow (its lifetime is
    // tied to `master`'s); nothing closes it meanwhile. This is the package's one unsafe block:
    // portable-pty gives the descriptor only as a raw number.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

/// Sends `signal` to the process `pid`.
fn send(pid: u32, signal: Signal) {
    let pid = i32::try_from(pid)
        .ok()
        .and_then(Pid::from_raw)
        .expect("a process id");
    rustix::process::kill_process(pid, signal).unwrap();
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start() -> Session {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::start_in(home.path(), &[]);
        s._home = Some(home);
        s
    }

    /// Starts kinscreen with `args`, HOME and the data folder inside `home`.
    fn start_in(home: &std::path::Path, args: &[&str]) -> Session {
        let data = home.join("data");
        let pair = native_pty_system().openpty(size(24, 80)).unwrap();
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_kinscreen"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("xdg"));
        cmd.env_remove("NO_COLOR");
        // English, whatever the machine's language (a test asks for another with --lang).
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", "C.UTF-8");
        if !args.contains(&"--no-save") {
            cmd.arg("--data-dir");
            cmd.arg(&data);
        }
        for a in args {
            cmd.arg(a);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        // The reader thread's own copy of the master side, closed when the thread ends.
        let master_fd = borrow_master(&*pair.master).try_clone_to_owned().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
        let sink = screen.clone();
        let reading = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let go_on = reading.clone();
        // Polls with a timeout rather than blocking in read, so it can be stopped: its copy of
        // the master side must close for the terminal to hang up (see `close_window`).
        let reader_thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while go_on.load(std::sync::atomic::Ordering::Relaxed) {
                let mut p = [PollFd::new(&master_fd, PollFlags::IN)];
                let wait = Timespec {
                    tv_sec: 0,
                    tv_nsec: 50_000_000,
                };
                if !matches!(rustix::event::poll(&mut p, Some(&wait)), Ok(n) if n > 0) {
                    continue;
                }
                if !p[0].revents().contains(PollFlags::IN) {
                    break;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        Session {
            data,
            _home: None,
            master: pair.master,
            writer,
            reading,
            reader: Some(reader_thread),
            child,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// From the welcome screen to the first question.
    fn begin(&mut self) {
        self.wait_for("Press Enter to begin");
        self.keys(b"\r");
        self.wait_for("Is any of these happening right now?");
    }

    /// "None of these" on both red-flag screens and the health background (n ticks it), an
    /// adult, up to where it hurts.
    fn pass_safety_check(&mut self) {
        self.keys(b"n\r");
        self.wait_for("How old is the person with the pain?");
        self.keys(b"3");
        self.wait_for("Does any of this apply to the person with the pain?");
        self.keys(b"n\r");
        self.wait_for("And does any of these apply?");
        self.keys(b"n\r");
        self.wait_for("Where is the pain that bothers you most?");
    }

    /// Closes the window: every copy of the master side goes, so the terminal hangs up.
    fn close_window(&mut self) {
        self.reading
            .store(false, std::sync::atomic::Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        let dummy = native_pty_system().openpty(size(1, 1)).unwrap();
        drop(std::mem::replace(&mut self.master, dummy.master));
        drop(std::mem::replace(
            &mut self.writer,
            Box::new(std::io::sink()),
        ));
    }

    /// Resizes the emulator reading the pseudo-terminal, then the pseudo-terminal, holding
    /// the emulator meanwhile: the program's first frame at the new size must not reach an
    /// emulator still at the old one (it would be laid out wrongly there for good).
    fn resize(&mut self, rows: u16, cols: u16) {
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut screen = self.screen.lock().unwrap();
        screen.set_size(nz(rows), nz(cols));
        self.master.resize(size(rows, cols)).unwrap();
    }

    fn exit_code(&mut self) -> u32 {
        self.exit_status().exit_code()
    }

    /// How the program ended (a signal that killed it shows as exit code 1 with its name).
    fn exit_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the program did not exit; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Canonical mode and echo on, as a shell expects the terminal.
    fn terminal_cooked(&self) -> bool {
        use rustix::termios::LocalModes;
        let t = rustix::termios::tcgetattr(borrow_master(&*self.master)).unwrap();
        t.local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO)
    }

    /// Ctrl-C: exit 130 with the terminal given back.
    fn ctrl_c_ends_restored(&mut self) {
        self.keys(b"\x03");
        assert_eq!(self.exit_code(), 130);
        self.assert_restored();
    }

    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        drop(parser);
        assert!(self.terminal_cooked(), "raw mode was left on");
    }
}

#[test]
fn interview_with_real_keys_resize_and_quit() {
    let mut s = Session::start();
    s.begin();
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    assert!(!s.terminal_cooked(), "raw mode during the interview");
    s.pass_safety_check();
    s.keys(b"2");
    s.wait_for("Which side?");

    // Resize: the header is drawn again across the new width.
    s.resize(30, 110);
    let start = Instant::now();
    loop {
        let first = s
            .contents()
            .lines()
            .next()
            .unwrap_or_default()
            .trim_end()
            .to_string();
        if first.chars().count() > 100 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no redraw at 110 columns: {first:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Backspace goes back; the earlier choice is still marked.
    s.keys(b"\x7f");
    s.wait_for("Where is the pain that bothers you most?");
    s.wait_for("(•) 2 Knee");

    // q asks first; y quits before the result: exit code 1.
    s.keys(b"q");
    s.wait_for("Stop for now? Your answers are saved");
    s.keys(b"y");
    assert_eq!(s.exit_code(), 1);
    s.assert_restored();
    assert!(
        !s.contents().contains("Where is the pain"),
        "the interview is gone from the screen"
    );
}

#[test]
fn red_flag_alert_then_ctrl_c() {
    let mut s = Session::start();
    s.begin();
    s.keys(b"2\r");
    s.wait_for("A swollen, or painful and tender, calf");
    s.wait_for("Emergency: get care now");
    s.keys(b"\r");
    s.wait_for("How old is the person with the pain?");
    s.wait_for("Warning sign: A swollen, or painful and tender, calf");
    s.ctrl_c_ends_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [Signal::TERM, Signal::HUP] {
        let mut s = Session::start();
        s.wait_for("Press Enter to begin");
        send(s.child.process_id().unwrap(), signal);
        assert_eq!(s.exit_code(), 130, "signal {signal:?}");
        s.assert_restored();
    }
}

#[test]
fn too_small_a_terminal_shows_a_message_and_quits_cleanly() {
    let mut s = Session::start();
    s.wait_for("Press Enter to begin");
    // A resize in the program's first milliseconds (before it watches for them) is seen only
    // at the next event (see the closing note of issue 13): resize until it is seen.
    let start = Instant::now();
    s.resize(10, 40);
    while !s.contents().contains("Please make the window larger") {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{}",
            s.contents()
        );
        std::thread::sleep(Duration::from_millis(300));
        s.resize(10, 41);
        s.resize(10, 40);
    }
    s.ctrl_c_ends_restored();
}

impl Drop for Session {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Every file under a folder.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn killed_with_sigkill_it_resumes_at_the_same_question_with_every_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(home.path(), &[]);
    s.begin();
    s.pass_safety_check();
    s.keys(b"3");
    s.wait_for("Which side?");
    s.keys(b"1");
    s.wait_for("Apart from that spot");
    s.keys(b"5");
    s.wait_for("[x] 5 Thigh");
    send(s.child.process_id().unwrap(), Signal::KILL);
    s.exit_code();
    let saved = files_under(&s.data);
    let store = kinscreen::store::Store::open_read_only(Some(&s.data)).unwrap();
    let drafts = store.drafts("kinscreen-lower-limb").unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(!drafts[0].held, "a killed window holds nothing");
    drop(store);
    assert!(
        !saved.iter().any(|p| p.to_string_lossy().ends_with(".tmp")),
        "no half-written file: {saved:?}"
    );

    let mut again = Session::start_in(home.path(), &[]);
    again.wait_for("You have an unfinished interview");
    again.wait_for("(6 answers)");
    again.keys(b"r");
    // The question on screen when it was killed; the ticked box was not confirmed.
    again.wait_for("Apart from that spot");
    again.wait_for("[ ] 5 Thigh");
    again.keys(b"\x7f");
    again.wait_for("(•) 1 Left");
    again.keys(b"\x7f");
    again.wait_for("(•) 3 Ankle");
    again.ctrl_c_ends_restored();
}

#[test]
fn no_save_leaves_no_file_anywhere() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(home.path(), &["--no-save"]);
    s.wait_for("Nothing is saved on this computer (--no-save)");
    s.begin();
    s.keys(b"n\r");
    s.wait_for("How old is the person with the pain?");
    s.keys(b"q");
    s.wait_for("Stop the interview? Your answers will not be");
    s.keys(b"y");
    assert_eq!(s.exit_code(), 1);
    let written = files_under(home.path());
    assert!(written.is_empty(), "--no-save wrote {written:?}");
}

#[test]
fn a_terminal_that_goes_away_ends_the_program() {
    // Closing the window: the pseudo-terminal's master side disappears. The program must end
    // (not spin at full CPU for ever, as a known crossterm bug would make it).
    let mut s = Session::start();
    s.begin();
    s.close_window();
    let start = Instant::now();
    let status = s.exit_status();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(status.exit_code(), 130, "{status:?}");
}

#[test]
fn practice_a_case_with_real_keys_through_to_the_debrief() {
    let home = tempfile::tempdir().unwrap();
    let case = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/cases/hip-to-knee-mechanical.toml"
    );
    let mut s = Session::start_in(home.path(), &["practice", "--case", case]);
    s.wait_for("The patient waits");
    // Typed questions, as a student would type them (q and ? are letters here).
    s.keys(b"Any red flags?\r");
    s.wait_for("No, none of those.");
    s.keys(b"Any fever or weight loss?\r");
    s.wait_for("asked 2");
    s.keys(b"Do you smoke?\r");
    s.wait_for("not sure what you mean");
    // Commit (Ctrl-E): overload from elsewhere (first class), book an assessment (second level).
    s.keys(b"\x05");
    s.wait_for("What does the picture look like?");
    s.keys(b" \tj \r");
    s.wait_for("Commit this hypothesis?");
    s.keys(b"y");
    s.wait_for("Debrief");
    s.wait_for("Attempt kept in");
    s.keys(b"q");
    assert_eq!(s.exit_code(), 0);
    s.assert_restored();
    let store = kinscreen::store::Store::open_read_only(Some(&s.data)).unwrap();
    let (log, bad) = store.practice_log().unwrap();
    assert!(bad.is_empty());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].case, "hip-to-knee-mechanical");
    assert_eq!(log[0].mode, kinscreen::practice::AskMode::Typed);
    assert_eq!(log[0].unclear, vec!["Do you smoke?".to_string()]);
}

/// The state letter of a process (`T` when stopped).
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "waited for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_and_sigtstp_suspend_with_the_terminal_restored_and_fg_redraws() {
    let mut s = Session::start();
    s.begin();
    let pid = s.child.process_id().unwrap();
    for how in ["ctrl-z", "sigtstp"] {
        match how {
            "ctrl-z" => s.keys(b"\x1a"),
            _ => send(pid, Signal::TSTP),
        }
        wait_until("the process to stop", || process_state(pid) == 'T');
        assert!(s.terminal_cooked(), "{how}: stopped in raw mode");
        // The bytes that leave the alternate screen were written before the stop; the reader
        // thread may still be passing them to the emulator.
        wait_until("the main screen back", || {
            !s.screen.lock().unwrap().screen().alternate_screen()
        });
        assert_eq!(process_state(pid), 'T', "{how}: still stopped");
        // `fg`: the shell sends SIGCONT.
        send(pid, Signal::CONT);
        wait_until("raw mode again", || !s.terminal_cooked());
        s.wait_for("Is any of these happening right now?");
        assert!(s.screen.lock().unwrap().screen().alternate_screen());
    }
    // Still answering as before.
    s.keys(b"n\r");
    s.wait_for("How old is the person with the pain?");
    s.ctrl_c_ends_restored();
}

#[test]
fn a_paste_is_never_read_as_keys_and_keys_do_nothing_while_too_small() {
    let mut s = Session::start();
    s.begin();
    // A sentence with y, q, digits and Enter in it, pasted.
    s.keys(b"\x1b[200~yes I have 3 questions, quit?\r\n\x1b[201~");
    s.wait_for("Pasted text is ignored");
    s.wait_for("Is any of these happening right now?");
    s.keys(b"n\r");
    s.wait_for("How old is the person with the pain?");
    // Too small: the keys that would answer and move on do nothing.
    s.resize(12, 40);
    s.wait_for("Please make the window larger");
    s.keys(b"3");
    s.keys(b"\r");
    s.keys(b"q");
    s.keys(b"y");
    s.resize(24, 80);
    s.wait_for("How old is the person with the pain?");
    assert!(!s.contents().contains("Quit?"), "{}", s.contents());
    s.ctrl_c_ends_restored();
}

#[test]
fn two_windows_never_share_a_draft_and_a_killed_one_frees_it() {
    let home = tempfile::tempdir().unwrap();
    let mut first = Session::start_in(home.path(), &[]);
    first.begin();
    first.pass_safety_check();
    // The second window: the draft is held by the first, so it is not offered.
    let mut second = Session::start_in(home.path(), &[]);
    second.wait_for("open in another kinscreen window");
    assert!(
        !second
            .contents()
            .contains("You have an unfinished interview")
    );
    second.keys(b"\r");
    second.wait_for("Is any of these happening right now?");
    second.keys(b"n\r");
    second.wait_for("How old is the person with the pain?");
    // Both keep their own answers; neither overwrote the other.
    let store = kinscreen::store::Store::open_read_only(Some(&second.data)).unwrap();
    let drafts = store.drafts("kinscreen-lower-limb").unwrap();
    assert_eq!(drafts.len(), 2, "one row per window");
    drop(store);
    send(first.child.process_id().unwrap(), Signal::KILL);
    first.exit_code();
    second.keys(b"\x03");
    assert_eq!(second.exit_code(), 130);

    // The next window offers the newest free draft; Enter asks before deleting it.
    let mut third = Session::start_in(home.path(), &[]);
    third.wait_for("You have an unfinished interview");
    third.keys(b"\r");
    third.wait_for("Start over?");
    third.keys(b"n");
    third.wait_for("You have an unfinished interview");
    third.keys(b"r");
    third.wait_for("How old is the person with the pain?");
    third.ctrl_c_ends_restored();
}

#[test]
fn hostile_and_huge_questionnaire_texts_are_shown_escaped_and_stay_fast() {
    let home = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/lower-limb.toml"
    ))
    .unwrap()
    .replacen(
        "title = \"Leg pain: where is it really coming from?\"",
        "title = \"Leg pain \\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil\"",
        1,
    )
    .replacen(
        "title = \"Safety check\"",
        &format!("title = \"Safety {}\"", "w".repeat(1_000_000)),
        1,
    );
    let q = home.path().join("hostile.toml");
    std::fs::write(&q, src).unwrap();
    let mut s = Session::start_in(home.path(), &["--questionnaire", q.to_str().unwrap()]);
    s.wait_for("Press Enter to begin");
    s.wait_for("\\u{1b}]0;pwned");
    let started = Instant::now();
    s.keys(b"\r");
    s.wait_for("Is any of these happening right now?");
    s.keys(b"jjkk");
    s.wait_for("Safety www");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    s.ctrl_c_ends_restored();
}

/// The body chart in a real terminal: the mouse is captured there, a click on the right knee
/// answers "knee" and suggests "right" on the next question, and the capture ends with it.
#[test]
fn a_mouse_click_on_the_body_chart_in_a_real_terminal() {
    let mut s = Session::start();
    s.begin();
    s.pass_safety_check();
    s.wait_for("your right");
    let captured = |s: &Session| {
        s.screen.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    };
    wait_until("the mouse captured on the chart", || captured(&s));
    // The figure starts on the row after the header's "your right"; the right knee is its
    // sixth row, columns 5 to 8 of the figure, drawn one column in from the edge.
    let header_row = s
        .contents()
        .lines()
        .position(|l| l.contains("your right"))
        .unwrap();
    let (row, column) = (header_row + 1 + 5, 1 + 6);
    // An SGR mouse report (1-based): left button down, then up.
    let press = format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        column + 1,
        row + 1,
        column + 1,
        row + 1
    );
    s.keys(press.as_bytes());
    s.wait_for("Which side?");
    s.wait_for("› ( ) 2 Right");
    // Off the chart, the mouse is free again (for selecting text).
    wait_until("the mouse released off the chart", || !captured(&s));
    s.keys(b"\r");
    s.wait_for("anywhere else");
    s.keys(b"q");
    s.wait_for("Stop for now?");
    s.keys(b"y");
    assert_eq!(s.exit_code(), 1);
    s.assert_restored();
}

/// Line mode at a terminal offers an unfinished interview as the screens do: `r` goes on with
/// it at the question it stopped at, `n` deletes it and starts again. (The questions are
/// recognised by their last line: a long one scrolls its first lines off a 24-row screen.)
#[test]
fn line_mode_at_a_terminal_offers_the_unfinished_interview() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(home.path(), &["--plain"]);
    s.wait_for("from 1 to 9, separated by spaces");
    s.keys(b"9\r");
    s.wait_for("from 1 to 5.");
    s.keys(b"3\r");
    s.wait_for("from 1 to 10, separated by spaces");
    s.keys(b"q\r");
    assert_eq!(s.exit_code(), 1);

    let mut again = Session::start_in(home.path(), &["--plain"]);
    again.wait_for("You have an unfinished interview");
    again.wait_for("with 2 answers");
    again.keys(b"r\r");
    again.wait_for("from 1 to 10, separated by spaces");
    again.keys(b"q\r");
    assert_eq!(again.exit_code(), 1);

    // Started over with n: the unfinished one is gone.
    let mut third = Session::start_in(home.path(), &["--plain"]);
    third.wait_for("You have an unfinished interview");
    third.keys(b"n\r");
    third.wait_for("from 1 to 9, separated by spaces");
    third.keys(b"q\r");
    assert_eq!(third.exit_code(), 1);
    let store = kinscreen::store::Store::open_read_only(Some(&third.data)).unwrap();
    assert!(store.drafts("kinscreen-lower-limb").unwrap().is_empty());
}
