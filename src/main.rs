//! Entry point: a headless CLI command, or the app window.
//!
//! On Windows this is a window program (no console window flashes up when an analyst
//! double-clicks it). Run from a terminal with arguments it attaches to that terminal's
//! console so the output appears there, but `cmd` and PowerShell do not wait for a window
//! program nor see its exit code: the console companion `csp-assessment-cli.exe`
//! (`src/bin/csp-assessment-cli.rs`, the same code built as a console program) is the
//! command line on Windows.
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        attach_to_parent_console();
    }
    std::process::exit(csp_assessment::entry::run(&args));
}

/// Windows: use the console of the terminal the app was started from, if any.
#[cfg(windows)]
fn attach_to_parent_console() {
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    #[link(name = "kernel32")]
    extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }
    // SAFETY: AttachConsole takes a process id by value and has no other preconditions;
    // failure (no parent console) is harmless and leaves output unattached.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_to_parent_console() {}
