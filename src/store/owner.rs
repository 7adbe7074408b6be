//! Which process holds a draft: its pid and the time it started (so a recycled pid is not taken
//! for the old owner), and whether that process is still running. A process that died (kill -9,
//! a closed terminal) frees its drafts at once, without any clean-up of its own.

/// This process, as written in the `drafts.owner` column.
pub fn me() -> String {
    let pid = std::process::id();
    format!("{pid}:{}", start_time(pid).unwrap_or_default())
}

/// Whether the process named by an owner string is still running.
pub fn alive(owner: &str) -> bool {
    let Some((pid, start)) = owner.split_once(':') else {
        return false;
    };
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    if pid == std::process::id() {
        return owner == me();
    }
    if !running(pid) {
        return false;
    }
    // Where the start time can be read, a different one means the pid was reused.
    match start_time(pid) {
        Some(now) if !start.is_empty() => now == start,
        _ => true,
    }
}

#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // Signal 0 only checks that the process exists and may be signalled.
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}

/// The process's start time in clock ticks since boot (Linux), as text.
fn start_time(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and brackets: read after its last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    // Fields from 3 (state) on; the start time is field 22.
    rest.split_whitespace().nth(19).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_dead_or_reused_pid_is_not() {
        assert!(alive(&me()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let owner = format!("{pid}:{}", start_time(pid).unwrap_or_default());
        child.wait().unwrap();
        assert!(!alive(&owner), "a process that has ended holds nothing");
        assert!(!alive("not an owner"));
        if start_time(1).is_some() {
            assert!(!alive("1:0"), "pid 1 did not start at tick 0: reused");
        }
    }
}
