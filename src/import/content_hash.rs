//! The hashes an import keeps of a file's raw bytes: SHA-256, the provenance record
//! (`sources.sha256`), and a fingerprint (see [`super::fingerprint`]) that recognises
//! unchanged content before it is parsed. XXH3 runs at memory speed, so checking a whole
//! folder costs a small fraction of importing it, where SHA-256 would cost about a fifth of
//! an import.

use super::fingerprint::Fingerprint;
use super::reader::ContentHasher;

/// Both hashes, fed the raw chunks of a file in order.
pub struct ContentHashes {
    sha256: Option<ContentHasher>,
    fingerprint: Fingerprint,
}

/// What [`ContentHashes`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digests {
    /// Lowercase hex; `None` when only the fingerprint was asked for.
    pub sha256: Option<String>,
    /// 32 lowercase hex digits.
    pub fingerprint: String,
}

impl ContentHashes {
    /// Both hashes.
    pub fn new() -> Self {
        Self::with_sha256(true)
    }

    /// The fingerprint, and SHA-256 only if `sha256`.
    pub fn with_sha256(sha256: bool) -> Self {
        ContentHashes {
            sha256: sha256.then(ContentHasher::default),
            fingerprint: Fingerprint::default(),
        }
    }

    pub fn update(&mut self, chunks: &[Vec<u8>]) {
        for chunk in chunks {
            self.update_bytes(chunk);
        }
    }

    /// The next bytes, as one piece.
    pub fn update_bytes(&mut self, bytes: &[u8]) {
        if let Some(sha) = &mut self.sha256 {
            sha.update_bytes(bytes);
        }
        self.fingerprint.update(bytes);
    }

    pub fn finish(self) -> Digests {
        Digests {
            sha256: self.sha256.map(ContentHasher::finish),
            fingerprint: self.fingerprint.finish(),
        }
    }
}

impl Default for ContentHashes {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunking_does_not_change_either_hash() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut whole = ContentHashes::new();
        whole.update(std::slice::from_ref(&data));
        let mut pieces = ContentHashes::new();
        let chunks: Vec<Vec<u8>> = data.chunks(4093).map(<[u8]>::to_vec).collect();
        pieces.update(&chunks);
        let (a, b) = (whole.finish(), pieces.finish());
        assert_eq!(a, b);
        assert_eq!(a.fingerprint.len(), 32);
        // Nothing hashed: the XXH3-128 of no segments (its test vector for empty input).
        let empty = ContentHashes::with_sha256(false).finish();
        assert_eq!(empty.sha256, None);
        assert_eq!(empty.fingerprint, "99aa06d3014798d86001c324468d497f");
    }
}
