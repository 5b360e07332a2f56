//! `csp-assessment-cli.exe`: the command line on Windows. The same program as
//! `csp-assessment` (`csp_assessment::entry::run`), built as a console program, so `cmd`
//! and PowerShell wait for it, show its output in order, see its exit code (0, 1, 2 as
//! on Linux) and stop it with Ctrl-C (an import stopped that way writes nothing: the
//! assessment file keeps all of a batch or none of it). Built only with the
//! `console-companion` feature, which `scripts/package-windows.sh` turns on.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(csp_assessment::entry::run(&args));
}
