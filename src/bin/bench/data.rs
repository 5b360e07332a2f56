//! The benchmark's inputs: single files made by `../shared/bench/gen_policeuk.py`, and
//! folders of its rows laid out the way police.uk lays out a download
//! (`YYYY-MM/YYYY-MM-<force>-street.csv`, one file per force and month).
//!
//! A folder is made by re-labelling the generator's rows: the rows are dealt out in
//! order, a month at a time and within a month a force at a time, and each row's `Month`,
//! `Reported by` and `Falls within` cells are rewritten; every other cell (Crime ID,
//! coordinates, LSOA, type, outcome) is the generator's. So no two files share a
//! (force, month), as in a real download, and every Crime ID stays unique.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The 43 territorial police forces of England and Wales: (file-name slug, name).
pub const FORCES: [(&str, &str); 43] = [
    ("avon-and-somerset", "Avon and Somerset Constabulary"),
    ("bedfordshire", "Bedfordshire Police"),
    ("cambridgeshire", "Cambridgeshire Constabulary"),
    ("cheshire", "Cheshire Constabulary"),
    ("city-of-london", "City of London Police"),
    ("cleveland", "Cleveland Police"),
    ("cumbria", "Cumbria Constabulary"),
    ("derbyshire", "Derbyshire Constabulary"),
    ("devon-and-cornwall", "Devon & Cornwall Police"),
    ("dorset", "Dorset Police"),
    ("durham", "Durham Constabulary"),
    ("dyfed-powys", "Dyfed-Powys Police"),
    ("essex", "Essex Police"),
    ("gloucestershire", "Gloucestershire Constabulary"),
    ("greater-manchester", "Greater Manchester Police"),
    ("gwent", "Gwent Police"),
    ("hampshire", "Hampshire Constabulary"),
    ("hertfordshire", "Hertfordshire Constabulary"),
    ("humberside", "Humberside Police"),
    ("kent", "Kent Police"),
    ("lancashire", "Lancashire Constabulary"),
    ("leicestershire", "Leicestershire Police"),
    ("lincolnshire", "Lincolnshire Police"),
    ("merseyside", "Merseyside Police"),
    ("metropolitan", "Metropolitan Police Service"),
    ("norfolk", "Norfolk Constabulary"),
    ("north-wales", "North Wales Police"),
    ("north-yorkshire", "North Yorkshire Police"),
    ("northamptonshire", "Northamptonshire Police"),
    ("northumbria", "Northumbria Police"),
    ("nottinghamshire", "Nottinghamshire Police"),
    ("south-wales", "South Wales Police"),
    ("south-yorkshire", "South Yorkshire Police"),
    ("staffordshire", "Staffordshire Police"),
    ("suffolk", "Suffolk Constabulary"),
    ("surrey", "Surrey Police"),
    ("sussex", "Sussex Police"),
    ("thames-valley", "Thames Valley Police"),
    ("warwickshire", "Warwickshire Police"),
    ("west-mercia", "West Mercia Police"),
    ("west-midlands", "West Midlands Police"),
    ("west-yorkshire", "West Yorkshire Police"),
    ("wiltshire", "Wiltshire Police"),
];

/// `policeuk_<label>.csv` in `dir`, generated (seed 1) if missing, then read once so it is
/// in the page cache, as for every peer in the baselines.
pub fn generated_file(dir: &Path, label: &str, rows: u64) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("policeuk_{label}.csv"));
    if !path.exists() {
        let generator =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_policeuk.py");
        eprintln!("generating {} ...", path.display());
        let partial = path.with_extension("csv.partial");
        let ok = Command::new("python3")
            .arg(&generator)
            .arg(rows.to_string())
            .arg(&partial)
            .args(["--seed", "1"])
            .status()
            .map_err(|e| e.to_string())?
            .success();
        if !ok {
            return Err(format!("{} failed", generator.display()));
        }
        std::fs::rename(&partial, &path).map_err(|e| e.to_string())?;
    }
    warm(&path)?;
    Ok(path)
}

/// Put `path` in the page cache as a file read from disk is, the same for every contender
/// and every run: first dropped from the cache (on Linux), then read once. How a file came
/// into the cache changes what reading it costs: a file the generator has just written
/// sits in page-sized pieces, one read from disk in large ones, and reading it back cost
/// every contender a third more system time in the first case (see docs/BENCHMARKS.md).
fn warm(path: &Path) -> Result<(), String> {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    drop_from_cache(&file);
    std::io::copy(&mut file, &mut std::io::sink()).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(target_os = "linux")]
fn drop_from_cache(file: &std::fs::File) {
    use std::os::fd::AsRawFd;
    // Written pages must reach the disk before the cache can let them go.
    let _ = file.sync_all();
    // SAFETY: the descriptor is open while `file` lives; the call only advises the
    // kernel about the file's cached pages and changes no memory of ours.
    unsafe {
        libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
    }
}

#[cfg(not(target_os = "linux"))]
fn drop_from_cache(_file: &std::fs::File) {}

/// The month `index` months after 2022-04, as `YYYY-MM`.
fn month_label(index: usize) -> String {
    let months = 2022 * 12 + 3 + index;
    format!("{:04}-{:02}", months / 12, months % 12 + 1)
}

/// A police.uk-style folder of `forces` × `months` files in `root`, dealt from the `rows`
/// rows `gen_policeuk.py` writes with seed 1 (read from its output as it runs, so the
/// source file is never stored). Made once; a marker file beside the folder records the
/// layout. Returns the number of files.
pub fn archive(root: &Path, rows: u64, forces: usize, months: usize) -> Result<usize, String> {
    // Beside the folder, not in it: the importer would list it as a skipped file.
    let marker = root.with_extension("layout");
    let wanted = format!("gen_policeuk.py {rows} --seed 1; {forces} forces x {months} months\n");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        warm_folder(root)?;
        return Ok(forces * months);
    }
    eprintln!(
        "laying out {rows} rows as {forces} forces × {months} months in {} ...",
        root.display()
    );
    let _ = std::fs::remove_dir_all(root);
    let _ = std::fs::remove_file(&marker);
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_policeuk.py");
    let mut child = Command::new("python3")
        .arg(&generator)
        .arg(rows.to_string())
        .arg("/dev/stdout")
        .args(["--seed", "1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let output = child.stdout.take().ok_or("the generator gave no output")?;
    deal(
        BufReader::with_capacity(1 << 20, output),
        root,
        rows,
        forces,
        months,
    )?;
    if !child.wait().map_err(|e| e.to_string())?.success() {
        return Err(format!("{} failed", generator.display()));
    }
    std::fs::write(&marker, wanted).map_err(|e| e.to_string())?;
    Ok(forces * months)
}

/// Deal `rows` generated rows (after a header) into the files of the folder.
fn deal(
    input: impl BufRead,
    root: &Path,
    rows: u64,
    forces: usize,
    months: usize,
) -> Result<(), String> {
    let mut lines = input.split(b'\n');
    let header = lines
        .next()
        .ok_or("the generator wrote nothing")?
        .map_err(|e| e.to_string())?;
    let files = forces * months;
    let mut current: Option<(usize, BufWriter<std::fs::File>)> = None;
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.is_empty() {
            continue;
        }
        // Rows dealt in order: file k holds rows [k·rows/files, (k+1)·rows/files).
        let k = ((i as u128 * files as u128) / u128::from(rows.max(1))) as usize;
        let (month, force) = (k / forces, k % forces);
        if current.as_ref().map(|c| c.0) != Some(k) {
            if let Some((_, mut out)) = current.take() {
                out.flush().map_err(|e| e.to_string())?;
            }
            let label = month_label(month);
            let dir = root.join(&label);
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            let path = dir.join(format!("{label}-{}-street.csv", FORCES[force].0));
            let mut out = BufWriter::new(std::fs::File::create(&path).map_err(|e| e.to_string())?);
            out.write_all(&header)
                .and_then(|_| out.write_all(b"\n"))
                .map_err(|e| e.to_string())?;
            current = Some((k, out));
        }
        if let Some((_, out)) = current.as_mut() {
            write_relabelled(out, &line, &month_label(month), FORCES[force].1)
                .map_err(|e| e.to_string())?;
        }
    }
    if let Some((_, mut out)) = current.take() {
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Rewrite the first four cells (Crime ID, Month, Reported by, Falls within): none of
/// them holds a comma or a quote in a generated file.
fn write_relabelled(
    out: &mut impl Write,
    line: &[u8],
    month: &str,
    force: &str,
) -> std::io::Result<()> {
    let mut cells = line.splitn(5, |&b| b == b',');
    let id = cells.next().unwrap_or_default();
    let rest = cells.nth(3).unwrap_or_default();
    out.write_all(id)?;
    write!(out, ",{month},{force},{force},")?;
    out.write_all(rest)?;
    out.write_all(b"\n")
}

pub fn warm_folder(root: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(root).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            warm_folder(&path)?;
        } else {
            warm(&path)?;
        }
    }
    Ok(())
}

/// Total size of the files in a folder, in bytes.
pub fn folder_bytes(root: &Path) -> u64 {
    std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .map(|p| {
            if p.is_dir() {
                folder_bytes(&p)
            } else {
                std::fs::metadata(&p).map_or(0, |m| m.len())
            }
        })
        .sum()
}
