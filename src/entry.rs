//! What both programs do with their command line: run a headless command, or open the app
//! window. `csp-assessment` (a window program on Windows) and `csp-assessment-cli` (its
//! console companion for Windows' `cmd` and PowerShell) are this one function.

use crate::cli;

/// Run the command line `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let command = match cli::parse(args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}\n\n{}", cli::USAGE);
            return cli::EXIT_USAGE;
        }
    };
    match command {
        // A window that could not be opened has already been explained (a system box).
        cli::Command::Gui { file } => match crate::ui::run_app(file) {
            Ok(()) => cli::EXIT_OK,
            Err(_) => cli::EXIT_REJECTED,
        },
        other => cli::run(other),
    }
}
