//! How an English ear spells a name written by another language's rules:
//! "Qian" is heard "Chen", "Bianchi" "Bianki". Only spellings whose
//! language is plain from the letters are read so: a word made wholly of
//! Hanyu Pinyin syllables with one of the letters English reads otherwise
//! (q, x, zh), or an Italian word ending in a vowel with one of its
//! telltale clusters (chi, che, ghi, ghe, gli, gn, sci, sce, zz).

/// Pinyin finals, longest first so that a greedy reader tries them first.
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "a", "o",
    "e", "i", "u", "v",
];

/// Pinyin initials, two letters first.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// The Pinyin syllables of `word` (lower-case ASCII letters), each as
/// (initial, final), when it is made wholly of them.
fn pinyin_syllables(word: &str) -> Option<Vec<(&str, &str)>> {
    fn read<'w>(rest: &'w str, out: &mut Vec<(&'w str, &'w str)>) -> bool {
        if rest.is_empty() {
            return true;
        }
        let initials = INITIALS
            .iter()
            .filter(|i| rest.starts_with(**i))
            .map(|i| i.len())
            .chain([0]);
        for initial_len in initials {
            let (initial, after) = rest.split_at(initial_len);
            for fin in FINALS.iter().filter(|f| after.starts_with(**f)) {
                // j, q and x take only finals in i or u (ü).
                if matches!(initial, "j" | "q" | "x") && !fin.starts_with(['i', 'u']) {
                    continue;
                }
                // A syllable without an initial does not follow another
                // (an apostrophe would part them).
                if initial.is_empty() && !out.is_empty() {
                    continue;
                }
                out.push((initial, &after[..fin.len()]));
                if read(&after[fin.len()..], out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
    let mut out = Vec::new();
    (word.bytes().all(|b| b.is_ascii_lowercase()) && read(word, &mut out)).then_some(out)
}

/// The English-ear spelling of a Pinyin word, if any letter of it is read
/// otherwise.
fn pinyin_reading(word: &str) -> Option<String> {
    // Only q, x and zh read otherwise: most words need no syllables.
    if !word.contains(['q', 'x']) && !word.contains("zh") {
        return None;
    }
    let syllables = pinyin_syllables(word)?;
    let respelled = |initial: &str| match initial {
        "q" => Some("ch"),
        "x" => Some("sh"),
        "zh" => Some("j"),
        _ => None,
    };
    if !syllables.iter().any(|(i, _)| respelled(i).is_some()) {
        return None;
    }
    Some(
        syllables
            .iter()
            .map(|(i, f)| format!("{}{f}", respelled(i).unwrap_or(i)))
            .collect(),
    )
}

/// Italian clusters and how an English ear spells them.
const ITALIAN: &[(&str, &str)] = &[
    ("sci", "shi"),
    ("sce", "she"),
    ("chi", "ki"),
    ("che", "ke"),
    ("ghi", "gi"),
    ("ghe", "ge"),
    ("gli", "li"),
    ("gn", "ny"),
    ("zz", "ts"),
];

fn italian_reading(word: &str) -> Option<String> {
    let ends_in_vowel = word.ends_with(['a', 'e', 'i', 'o']);
    if !ends_in_vowel || !ITALIAN.iter().any(|(c, _)| word.contains(c)) {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    'letters: while !rest.is_empty() {
        for (cluster, heard) in ITALIAN {
            if let Some(after) = rest.strip_prefix(cluster) {
                out.push_str(heard);
                rest = after;
                continue 'letters;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

/// `name` (a roster form, any case, accents folded or not) as an English
/// ear would spell it, word by word, in the form's own capitals; `None`
/// when no word of it reads otherwise.
pub fn english_reading(name: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            match pinyin_reading(&lower).or_else(|| italian_reading(&lower)) {
                Some(read) => {
                    changed = true;
                    capitalised_as(&read, word)
                }
                None => word.to_owned(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// `word` with a capital first letter when `model` has one.
fn capitalised_as(word: &str, model: &str) -> String {
    let mut chars = word.chars();
    match (chars.next(), model.chars().next()) {
        (Some(first), Some(m)) if m.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_names_are_read_with_english_letters() {
        assert_eq!(
            english_reading("Haiyan Qian").as_deref(),
            Some("Haiyan Chian")
        );
        assert_eq!(
            english_reading("Houlin Zhao").as_deref(),
            Some("Houlin Jao")
        );
        assert_eq!(
            english_reading("Xi Jinping").as_deref(),
            Some("Shi Jinping")
        );
    }

    #[test]
    fn italian_clusters_are_read_as_heard() {
        assert_eq!(
            english_reading("Paolo Bianchi").as_deref(),
            Some("Paolo Bianki")
        );
        assert_eq!(english_reading("Gnocchi").as_deref(), Some("Nyocki"));
    }

    #[test]
    fn words_of_other_languages_and_plain_spellings_have_no_reading() {
        // Not Pinyin throughout ("xa", "ve", "r" alone), or nothing read
        // otherwise ("Chen", "Li", "Wang").
        for name in [
            "Xavier",
            "Alexander",
            "Qasim",
            "Cameron",
            "Chen",
            "Li Wang",
            "Anna",
            "Rachel",
            "Cecilia",
        ] {
            assert_eq!(english_reading(name), None, "{name}");
        }
    }
}
