//! Words of the article with their byte spans, folded for dictionary
//! matching: lower case, accents transliterated (`deunicode`), letters and
//! digits only, dotted initialisms joined ("U.S." is one word, `us`). The
//! folded words, joined by single spaces, form one string that the
//! dictionaries (`lexicon`) search; a match counts only from a word's start
//! to a word's end.

/// One word of the text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte span in the article text.
    pub start: usize,
    pub end: usize,
    /// Byte span of the folded form in [`Tokens::folded`].
    pub fold_start: usize,
    pub fold_end: usize,
    /// The first character is upper case.
    pub cap: bool,
    /// Every letter is upper case (and there are letters).
    pub upper: bool,
    /// Only digits.
    pub digits: bool,
}

/// The words of a text and their folded string.
#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub folded: String,
}

impl Tokens {
    /// Split `text` into words.
    pub fn new(text: &str) -> Tokens {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
        let mut folded = String::with_capacity(text.len());
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let word = &text[start..end];
            // A dotted initialism: "U.S", "U.K" — join single letters
            // separated by one dot.
            if word.chars().count() == 1 && c.is_alphabetic() {
                if let Some(prev) = tokens.last_mut() {
                    let between = &text[prev.end..start];
                    let prev_word = &text[prev.start..prev.end];
                    if between == "."
                        && prev_word
                            .split('.')
                            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
                    {
                        prev.end = end;
                        push_fold(&mut folded, word);
                        prev.fold_end = folded.len();
                        prev.upper = prev.upper && c.is_uppercase();
                        continue;
                    }
                }
            }
            if !folded.is_empty() {
                folded.push(' ');
            }
            let fold_start = folded.len();
            push_fold(&mut folded, word);
            let has_letters = word.chars().any(char::is_alphabetic);
            tokens.push(Token {
                start,
                end,
                fold_start,
                fold_end: folded.len(),
                cap: c.is_uppercase(),
                upper: has_letters && word.chars().all(|c| !c.is_lowercase()),
                digits: word.chars().all(|c| c.is_ascii_digit()),
            });
        }
        Tokens { tokens, folded }
    }

    /// The folded form of token `i` (empty past the last token).
    pub fn norm(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => &self.folded[t.fold_start..t.fold_end],
            None => "",
        }
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn first_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Token indexes whose span lies within `start..end`.
    pub fn within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let a = self.first_at(start);
        let b = self.tokens.partition_point(|t| t.end <= end);
        a..b.max(a)
    }

    /// The token that begins at folded offset `f`, if one does.
    pub fn at_fold_start(&self, f: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.fold_start < f);
        (i < self.tokens.len() && self.tokens[i].fold_start == f).then_some(i)
    }

    /// The token that ends at folded offset `f`, if one does.
    pub fn at_fold_end(&self, f: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.fold_end < f);
        (i < self.tokens.len() && self.tokens[i].fold_end == f).then_some(i)
    }
}

/// Append the folded form of one word (ASCII fast path).
fn push_fold(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in deunicode::deunicode(word).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
}

/// Fold a dictionary phrase the way the text is folded.
pub fn fold_phrase(phrase: &str) -> String {
    let t = Tokens::new(phrase);
    t.folded
}

/// The largest char boundary of `s` at or before `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
