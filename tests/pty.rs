//! The real binary in a pseudo-terminal (portable-pty) read through a terminal emulator
//! (vt100): real key presses, a resize, and on every way out the terminal left as it was
//! (main screen, cursor shown, canonical mode and echo back on).
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, MasterPty, PtySize, native_pty_system};

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
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
        let pair = native_pty_system().openpty(size(24, 80)).unwrap();
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_kinscreen"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(24), nz(80), 0)));
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            master: pair.master,
            writer,
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

    /// Resizes the pseudo-terminal and the emulator reading it.
    fn resize(&mut self, rows: u16, cols: u16) {
        self.master.resize(size(rows, cols)).unwrap();
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        self.screen.lock().unwrap().set_size(nz(rows), nz(cols));
    }

    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the program did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Canonical mode and echo on, as a shell expects the terminal.
    fn terminal_cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a unix pty");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
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
    s.wait_for("Press Enter to begin");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    assert!(!s.terminal_cooked(), "raw mode during the interview");
    s.keys(b"\r");
    s.wait_for("Do you have any of these right now?");
    s.keys(b"4\r");
    s.wait_for("And do any of these apply to you?");
    s.keys(b"7\r");
    s.wait_for("Where is the pain that bothers you most?");
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
    s.wait_for("Stop the interview?");
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
    s.wait_for("Press Enter to begin");
    s.keys(b"\r");
    s.wait_for("Do you have any of these right now?");
    s.keys(b"2\r");
    s.wait_for("One calf swollen, warm and tender");
    s.wait_for("Emergency: get care now");
    s.keys(b"\r");
    s.wait_for("And do any of these apply to you?");
    s.wait_for("Warning sign: One calf swollen");
    s.keys(b"\x03");
    assert_eq!(s.exit_code(), 130);
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let mut s = Session::start();
        s.wait_for("Press Enter to begin");
        let pid = s.child.process_id().unwrap() as libc::pid_t;
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        assert_eq!(s.exit_code(), 130, "signal {signal}");
        s.assert_restored();
    }
}

#[test]
fn too_small_a_terminal_shows_a_message_and_quits_cleanly() {
    let mut s = Session::start();
    s.wait_for("Press Enter to begin");
    s.resize(10, 40);
    s.wait_for("Please make the window larger");
    s.keys(b"\x03");
    assert_eq!(s.exit_code(), 130);
    s.assert_restored();
}
