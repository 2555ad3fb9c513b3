//! `text!`: `format!` into a buffer sized for a proof statement up front.
//! The standard macro sizes its buffer from the literal pieces alone, so a
//! sentence with names and dates in it grows (reallocates) several times;
//! the engine writes a few hundred such sentences per answer
//! (docs/performance.md).

/// Like `format!`, with room for a typical statement from the start.
macro_rules! text {
    ($($arg:tt)*) => {{
        use std::fmt::Write as _;
        let mut s = String::with_capacity(192);
        // Writing to a String cannot fail.
        let _ = write!(s, $($arg)*);
        s
    }};
}
