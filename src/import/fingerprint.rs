//! The fingerprint that recognises content imported before: XXH3-128 over the XXH3-128s of
//! the file's consecutive 8 MiB segments. Fed in order it is one pass, as the import
//! reads; a large file on disk can instead be read and hashed a segment per core at once
//! ([`fingerprint_file`]), which an unchanged re-import of one big download is waiting for.
//! Two different files share a fingerprint with probability about n²/2¹²⁹.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

/// The bytes hashed on their own before their hash joins the fingerprint.
pub const SEGMENT: usize = 8 << 20;

/// The fingerprint of bytes fed in order, in pieces of any size.
#[derive(Clone, Default)]
pub struct Fingerprint {
    segment: Xxh3,
    in_segment: usize,
    segments: Xxh3,
}

impl Fingerprint {
    pub fn update(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let take = (SEGMENT - self.in_segment).min(bytes.len());
            let (now, rest) = bytes.split_at(take);
            self.segment.update(now);
            self.in_segment += take;
            bytes = rest;
            if self.in_segment == SEGMENT {
                self.end_segment();
            }
        }
    }

    fn end_segment(&mut self) {
        let digest = self.segment.digest128();
        self.segments.update(&digest.to_le_bytes());
        self.segment.reset();
        self.in_segment = 0;
    }

    /// 32 lowercase hex digits.
    pub fn finish(mut self) -> String {
        if self.in_segment > 0 {
            self.end_segment();
        }
        format!("{:032x}", self.segments.digest128())
    }
}

/// The fingerprint of the file at `path` (`size` bytes long), its segments read and hashed
/// on up to `threads` threads at once.
pub fn fingerprint_file(path: &Path, size: u64, threads: usize) -> std::io::Result<String> {
    let segments = usize::try_from(size.div_ceil(SEGMENT as u64)).unwrap_or(usize::MAX);
    let threads = threads.clamp(1, segments.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut digests = vec![0u128; segments];
    std::thread::scope(|scope| -> std::io::Result<()> {
        let workers: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| hash_segments(path, &next, segments)))
            .collect();
        for worker in workers {
            let found = worker
                .join()
                .map_err(|_| std::io::Error::other("a hashing thread stopped"))??;
            for (index, digest) in found {
                if let Some(slot) = digests.get_mut(index) {
                    *slot = digest;
                }
            }
        }
        Ok(())
    })?;
    let mut all = Xxh3::new();
    for digest in digests {
        all.update(&digest.to_le_bytes());
    }
    Ok(format!("{:032x}", all.digest128()))
}

/// Bytes read at a time: small enough that the kernel's copy and the hash after it meet
/// in the core's cache, not twice in memory.
const PIECE: usize = 256 * 1024;

/// Take segments from `next` until none are left: each one's index and hash.
fn hash_segments(
    path: &Path,
    next: &std::sync::atomic::AtomicUsize,
    segments: usize,
) -> std::io::Result<Vec<(usize, u128)>> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path)?;
    let mut buffer = vec![0u8; PIECE];
    let mut found = Vec::new();
    let mut hasher = Xxh3::new();
    loop {
        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if index >= segments {
            return Ok(found);
        }
        file.seek(SeekFrom::Start((index * SEGMENT) as u64))?;
        hasher.reset();
        let mut left = SEGMENT;
        while left > 0 {
            let want = left.min(PIECE);
            let n = match file.read(buffer.get_mut(..want).unwrap_or_default()) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                read => read?,
            };
            if n == 0 {
                break;
            }
            hasher.update(buffer.get(..n).unwrap_or_default());
            left -= n;
        }
        found.push((index, hasher.digest128()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_128;

    fn in_pieces(data: &[u8], piece: usize) -> String {
        let mut fingerprint = Fingerprint::default();
        for part in data.chunks(piece.max(1)) {
            fingerprint.update(part);
        }
        fingerprint.finish()
    }

    #[test]
    fn pieces_segments_and_threads_give_one_fingerprint() {
        // Two whole segments and part of a third, with bytes that differ along the way.
        let data: Vec<u8> = (0..2 * SEGMENT + 12_345)
            .map(|i| (i * 31 % 251) as u8)
            .collect();
        let whole = in_pieces(&data, data.len());
        assert_eq!(in_pieces(&data, 4093), whole);
        assert_eq!(in_pieces(&data, SEGMENT), whole);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        std::fs::write(&path, &data).unwrap();
        for threads in [1, 2, 3, 8] {
            let on_disk = fingerprint_file(&path, data.len() as u64, threads).unwrap();
            assert_eq!(on_disk, whole, "{threads} threads");
        }
        // One byte changed in the second segment changes it.
        let mut changed = data.clone();
        changed[SEGMENT + 7] ^= 1;
        assert_ne!(in_pieces(&changed, 65_536), whole);
        // Exactly one segment, and nothing at all.
        let one = data.get(..SEGMENT).unwrap();
        assert_eq!(
            in_pieces(one, 1000),
            format!("{:032x}", xxh3_128(&xxh3_128(one).to_le_bytes()))
        );
        let empty = Fingerprint::default().finish();
        assert_eq!(empty, "99aa06d3014798d86001c324468d497f");
        std::fs::write(&path, b"").unwrap();
        assert_eq!(fingerprint_file(&path, 0, 2).unwrap(), empty);
    }
}
