//! Entry point: a headless CLI command, or the app window.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
