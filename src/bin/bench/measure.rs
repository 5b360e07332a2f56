//! Running one contender as its own process and measuring it as `../shared/bench/BASELINES.md`
//! does (whole-process wall time, CPU time and peak RSS from `/usr/bin/time`; the wall time
//! also by the harness's own clock, for re-imports too short for hundredths), and what a
//! report must say about the machine: its load while the rounds ran and the peers' versions.

use std::process::Command;

/// One measured process.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Wall seconds as `/usr/bin/time` gives them (hundredths).
    pub wall: f64,
    /// Wall seconds by this harness's own clock around the timed process (to the
    /// microsecond, plus `/usr/bin/time`'s own start of about a millisecond): for times
    /// near 0.05 s, where hundredths are too coarse to divide by.
    pub wall_fine: f64,
    /// User + system CPU seconds (all threads).
    pub cpu: f64,
    pub rss_mib: f64,
}

/// Run `program args` under `/usr/bin/time`; its output is discarded. Exit code 1 (rows
/// rejected) still measures a complete import.
pub fn measure(program: &str, args: &[&str]) -> Result<Sample, String> {
    let out_file = std::env::temp_dir().join(format!("bench-time-{}.txt", std::process::id()));
    let started = std::time::Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%e %M %U %S", "-o"])
        .arg(&out_file)
        .arg(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("could not run /usr/bin/time: {e}"))?;
    let wall_fine = started.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&out_file).map_err(|e| e.to_string())?;
    let last = text.lines().last().unwrap_or_default();
    let fields: Vec<f64> = last
        .split_whitespace()
        .map(|s| s.parse().map_err(|_| format!("bad timing {text}")))
        .collect::<Result<_, _>>()?;
    let [wall, kib, user, system] = fields[..] else {
        return Err(format!("bad timing {text}"));
    };
    if !status.success() && status.code() != Some(1) {
        return Err(format!("{program} {} failed: {status}", args.join(" ")));
    }
    Ok(Sample {
        wall,
        wall_fine,
        cpu: user + system,
        rss_mib: kib / 1024.0,
    })
}

/// The median (NaN for no values).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The 1-minute load average (`/proc/loadavg`), if the system says.
pub fn load_now() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Loads seen at the start of each round: "min–max (median)".
pub fn load_summary(loads: &[f64]) -> String {
    if loads.is_empty() {
        return "unknown".into();
    }
    let min = loads.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = loads.iter().cloned().fold(0.0, f64::max);
    format!("{min:.2}–{max:.2} (median {:.2})", median(loads))
}

fn first_line_of(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "not installed".into())
}

/// The machine and the versions of everything measured, as Markdown lines.
pub fn environment() -> String {
    let sqlite = first_line_of("sqlite3", &["--version"]);
    let sqlite = sqlite.split_whitespace().next().unwrap_or_default();
    let duckdb = first_line_of(
        "python3",
        &["-c", "import duckdb; print(duckdb.__version__)"],
    );
    let python = first_line_of("python3", &["--version"]);
    let commit = first_line_of(
        "git",
        &[
            "-C",
            env!("CARGO_MANIFEST_DIR"),
            "rev-parse",
            "--short",
            "HEAD",
        ],
    );
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let date = first_line_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    format!(
        "- {date}; {cores} cores; load average at start: {}\n\
         - csp-assessment {} (commit {commit}, release build); sqlite3 CLI {sqlite}; \
         DuckDB {duckdb} (Python package, {python})",
        load_now().map_or("unknown".into(), |l| format!("{l:.2}")),
        env!("CARGO_PKG_VERSION"),
    )
}
