//! A bounded cache of answers. The knowledge base never changes while the
//! server runs, so an answer depends only on the request: the JSON of a
//! successful GET is kept under its path and query string and sent again
//! without recomputing it (shared links and type-ahead repeat requests).
//! Bounded in entries and bytes; when full, an arbitrary entry makes room.
//! `CASUS_SERVE_CACHE=off` turns it off (the load test measures both).

use std::collections::HashMap;
use std::sync::RwLock;

use axum::body::Bytes;

/// Answers by request.
pub struct AnswerCache {
    inner: RwLock<Inner>,
    max_entries: usize,
    max_bytes: usize,
    max_entry_bytes: usize,
}

#[derive(Default)]
struct Inner {
    map: HashMap<String, Bytes>,
    bytes: usize,
}

impl AnswerCache {
    /// A cache of at most `max_entries` answers and `max_bytes` in all;
    /// answers over `max_entry_bytes` are not kept. `max_entries == 0`
    /// keeps nothing.
    pub fn new(max_entries: usize, max_bytes: usize, max_entry_bytes: usize) -> AnswerCache {
        AnswerCache {
            inner: RwLock::new(Inner::default()),
            max_entries,
            max_bytes,
            max_entry_bytes,
        }
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        if self.max_entries == 0 {
            return None;
        }
        self.inner.read().ok()?.map.get(key).cloned()
    }

    pub fn put(&self, key: String, value: Bytes) {
        if self.max_entries == 0 || value.len() > self.max_entry_bytes {
            return;
        }
        let Ok(mut inner) = self.inner.write() else {
            return;
        };
        while !inner.map.is_empty()
            && (inner.map.len() >= self.max_entries || inner.bytes + value.len() > self.max_bytes)
        {
            let Some(victim) = inner.map.keys().next().cloned() else {
                break;
            };
            if let Some(old) = inner.map.remove(&victim) {
                inner.bytes -= old.len();
            }
        }
        inner.bytes += value.len();
        if let Some(old) = inner.map.insert(key, value) {
            inner.bytes -= old.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_in_entries_and_bytes() {
        let c = AnswerCache::new(2, 10, 6);
        c.put("a".into(), Bytes::from_static(b"1234"));
        c.put("b".into(), Bytes::from_static(b"1234"));
        c.put("c".into(), Bytes::from_static(b"1234"));
        let kept = ["a", "b", "c"]
            .iter()
            .filter(|k| c.get(k).is_some())
            .count();
        assert_eq!(kept, 2);
        c.put("big".into(), Bytes::from_static(b"1234567"));
        assert!(c.get("big").is_none());
        let off = AnswerCache::new(0, 10, 10);
        off.put("a".into(), Bytes::from_static(b"1"));
        assert!(off.get("a").is_none());
    }
}
