//! A memo of roster lookups shared by every worker and pass of a run.
//!
//! A heard text's candidates depend only on the roster, so a name heard
//! in one part, pass or file need not be scored again in the next. On
//! name-dense text the names stage spent a third of its time looking up
//! again what the learning pass had already looked up.

use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};

use super::Candidate;

const SHARDS: usize = 16;
/// Entries a shard holds before it starts afresh: keeps the memory of a
/// gigabyte of distinct names bounded (16 × 4,096 lists of a few
/// candidates, a few megabytes).
const SHARD_CAPACITY: usize = 4096;

type Shard = Mutex<HashMap<Box<str>, Arc<[Candidate]>>>;

/// Candidate lists by heard text, in shards so that two workers seldom
/// wait for each other.
#[derive(Default)]
pub struct LookupMemo {
    shards: [Shard; SHARDS],
}

impl LookupMemo {
    /// The memoised list for `text`, or `find(text)` remembered.
    pub fn get_or_find(
        &self,
        text: &str,
        find: impl FnOnce() -> Vec<Candidate>,
    ) -> Arc<[Candidate]> {
        let shard = &self.shards[shard_of(text)];
        if let Some(found) = shard.lock().ok().and_then(|m| m.get(text).cloned()) {
            return found;
        }
        // Found outside the lock: two workers may both find the same text
        // once, which costs less than making one wait.
        let found: Arc<[Candidate]> = find().into();
        if let Ok(mut memo) = shard.lock() {
            if memo.len() >= SHARD_CAPACITY {
                memo.clear();
            }
            memo.insert(text.into(), Arc::clone(&found));
        }
        found
    }

    /// How many lists are remembered.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .filter_map(|s| s.lock().ok().map(|m| m.len()))
            .sum()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn shard_of(text: &str) -> usize {
    FxBuildHasher.hash_one(text) as usize % SHARDS
}

/// A copy starts with nothing remembered: the memo is a cache of its
/// index, not part of it.
impl Clone for LookupMemo {
    fn clone(&self) -> Self {
        LookupMemo::default()
    }
}

impl std::fmt::Debug for LookupMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LookupMemo")
            .field("entries", &self.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(form: u32) -> Candidate {
        Candidate {
            form,
            score: 0.9,
            exact_fold: false,
            evidence: "test",
        }
    }

    #[test]
    fn a_text_is_found_once_and_then_remembered() {
        let memo = LookupMemo::default();
        let mut finds = 0;
        for _ in 0..3 {
            let found = memo.get_or_find("Marcon", || {
                finds += 1;
                vec![candidate(7)]
            });
            assert_eq!(found[0].form, 7);
        }
        assert_eq!(finds, 1);
    }

    #[test]
    fn a_full_shard_starts_afresh_instead_of_growing() {
        let memo = LookupMemo::default();
        for i in 0..SHARDS * SHARD_CAPACITY * 2 {
            memo.get_or_find(&format!("name{i}"), Vec::new);
        }
        assert!(memo.len() <= SHARDS * SHARD_CAPACITY);
        assert!(!memo.is_empty());
    }

    #[test]
    fn a_copy_remembers_nothing() {
        let memo = LookupMemo::default();
        memo.get_or_find("Marcon", || vec![candidate(1)]);
        assert!(memo.clone().is_empty());
    }
}
