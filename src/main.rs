//! Entry point: a headless CLI command, or the app window.
//!
//! On Windows the program is a GUI program (no console window flashes up when an analyst
//! double-clicks it); run from a terminal with arguments, it attaches to that terminal's
//! console so the CLI's output and exit codes work as on Linux.
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        attach_to_parent_console();
    }
    let command = match csp_assessment::cli::parse(&args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}\n\n{}", csp_assessment::cli::USAGE);
            std::process::exit(csp_assessment::cli::EXIT_USAGE);
        }
    };
    match command {
        csp_assessment::cli::Command::Gui { file } => {
            if let Err(e) = csp_assessment::ui::run_app(file) {
                eprintln!("error: {e}");
                std::process::exit(csp_assessment::cli::EXIT_REJECTED);
            }
        }
        other => std::process::exit(csp_assessment::cli::run(other)),
    }
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
