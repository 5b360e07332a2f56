//! What a reader hands back of the raw bytes it read: [`ContentHasher`] turns them into
//! the SHA-256 that identifies a file, [`FileEnd`] is the size and the chunks left at the end.

use sha2::{Digest, Sha256};

/// SHA-256 over a file's raw chunks, fed in order.
pub struct ContentHasher(Sha256);

impl Default for ContentHasher {
    fn default() -> Self {
        ContentHasher(Sha256::new())
    }
}

impl ContentHasher {
    pub fn update(&mut self, chunks: &[Vec<u8>]) {
        for chunk in chunks {
            self.update_bytes(chunk);
        }
    }

    pub fn update_bytes(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// Lowercase hex digest.
    pub fn finish(self) -> String {
        format!("{:x}", self.0.finalize())
    }
}

/// A file read to the end: its size and the raw chunks not yet taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEnd {
    pub bytes: u64,
    pub last_chunks: Vec<Vec<u8>>,
}
