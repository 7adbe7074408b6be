//! A Python environment for the tests that check kinscreen's output with outside validators:
//! `fhir.resources` (FHIR R4B models) and `jsonschema` (the export's JSON Schema). It is made
//! once with `python3 -m venv` and pip, and kept between runs and between clones in the user's
//! cache folder (`$XDG_CACHE_HOME` or `~/.cache`, under `kinscreen-tests/`), keyed by the
//! pinned packages, so only the first run on a machine downloads anything.
//!
//! Without `python3` the tests fail and say what to install. Where no Python package index can
//! be reached (an offline machine) and the environment is not cached yet, the tests that need
//! it are skipped with a message saying so; any other failure of pip fails them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The packages, pinned: the cache folder is named after them.
pub const PACKAGES: &[&str] = &["fhir.resources==8.3.0", "jsonschema==4.23.0"];

/// The environment's `python`, or `None` (after saying why) where it cannot be made because no
/// package index is reachable.
pub fn python() -> Option<PathBuf> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON.get_or_init(make).clone()
}

/// Runs a script of `tests/fhir/` with the environment's Python.
pub fn run_script(python: &Path, script: &str, args: &[PathBuf]) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fhir")
        .join(script);
    Command::new(python)
        .arg(script)
        .args(args)
        .output()
        .unwrap()
}

fn cache_root() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")))
        .join("kinscreen-tests")
}

fn make() -> Option<PathBuf> {
    let found = Command::new("python3").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "python3 is not installed: the FHIR and JSON Schema validation tests need Python 3 \
         (with venv and pip) to install {}. Install it and run the tests again.",
        PACKAGES.join(", ")
    );
    let name: String = PACKAGES
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let root = cache_root();
    let venv = root.join(format!("venv-{name}"));
    let python = venv.join("bin").join("python");
    let ready = venv.join("ready");
    if ready.exists() {
        return Some(python);
    }
    if let Err(why) = index_reachable() {
        // Written to the real standard error: the test harness captures `eprintln!`, and a
        // skip must be seen.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no Python package index can be reached ({why}), so {} cannot be \
             installed; the FHIR and JSON Schema validation tests did not run.",
            PACKAGES.join(", ")
        );
        return None;
    }
    // Built beside the final place and renamed into it, so that a run stopped half-way (or a
    // second test process) never leaves an environment that looks ready but is not.
    std::fs::create_dir_all(&root).unwrap();
    let building = tempfile::tempdir_in(&root).unwrap();
    let staged = building.path().join("venv");
    succeed(Command::new("python3").args(["-m", "venv"]).arg(&staged));
    succeed(
        Command::new(staged.join("bin").join("python"))
            .args(["-m", "pip", "install", "--quiet"])
            .arg("--disable-pip-version-check")
            .args(PACKAGES),
    );
    // The environment is used as `python -m ...` and `python script`, which find their
    // packages from where `python` is, so it can move.
    std::fs::write(staged.join("ready"), "").unwrap();
    if std::fs::rename(&staged, &venv).is_err() {
        // Another test process finished first: use its environment.
        assert!(
            ready.exists(),
            "could not move the environment to {}",
            venv.display()
        );
    }
    Some(python)
}

/// Runs a command of the set-up, failing the test with its error output if it fails.
fn succeed(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether pip's package index answers (the one pip is configured with, else PyPI).
fn index_reachable() -> Result<(), String> {
    let probe = r#"
import os, subprocess, sys, urllib.request
url = os.environ.get("PIP_INDEX_URL") or ""
if not url:
    got = subprocess.run([sys.executable, "-m", "pip", "config", "get", "global.index-url"],
                         capture_output=True, text=True)
    url = got.stdout.strip() if got.returncode == 0 else ""
url = url or "https://pypi.org/simple/"
try:
    urllib.request.urlopen(url.rstrip("/") + "/pip/", timeout=15).read(1)
except Exception as e:
    print(f"{url}: {e}")
    sys.exit(1)
"#;
    let out = Command::new("python3")
        .args(["-c", probe])
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}
