//! Roster upkeep: editing a roster file in place — adding and merging
//! people, importing a participant list, learning from a reviewed list —
//! and checking it for entries that would make the name rules misbehave.
//! Above the review list, whose decisions it learns from. The file is kept
//! as a [`Table`], so columns capclean does not know, their order and the
//! order of the rows all survive a rewrite.

use std::path::Path;

use crate::dict::{split_list, Person, Roster, Table};
use crate::error::{Error, Result};
use crate::names::common::is_common;
use crate::names::fold::{fold, is_all_caps, skeleton};
use crate::names::index::split_name;
use crate::review::{Decision, ReviewedRow};

/// The header of a new roster file.
pub const ROSTER_HEADER: [&str; 8] = [
    "name",
    "aliases",
    "misheard",
    "never",
    "role",
    "organisation",
    "country",
    "notes",
];

/// A person's list columns, by header name.
fn lists(person: &Person) -> [(&'static str, &Vec<String>); 3] {
    [
        ("aliases", &person.aliases),
        ("misheard", &person.misheard),
        ("never", &person.never),
    ]
}

/// A person's one-value columns, by header name.
fn scalars(person: &Person) -> [(&'static str, &str); 3] {
    [
        ("role", &person.role),
        ("organisation", &person.organisation),
        ("country", &person.country),
    ]
}

/// What `add` did with one entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    /// A new row was written.
    pub added: bool,
    /// The row that was added or merged into (index into the table's rows).
    pub row: usize,
    /// What changed in an existing row, e.g. "misheard + Markovsky".
    pub changes: Vec<String>,
    /// Values given but not written because the row already has another.
    pub kept: Vec<String>,
}

impl Merge {
    /// Whether the file changed.
    pub fn changed(&self) -> bool {
        self.added || !self.changes.is_empty()
    }
}

/// One problem `lint` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the row concerned.
    pub line: u64,
    /// What is wrong, and what it does to corrections.
    pub message: String,
}

/// What `learn` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learned {
    /// One line per change to the roster.
    pub changes: Vec<String>,
    /// Rows that could not be learned from, with the reason.
    pub skipped: Vec<String>,
}

/// Which columns of a participant list hold what (header names, any case).
#[derive(Debug, Clone, Default)]
pub struct ImportColumns {
    /// One column with the whole name ("First Last" or "LAST, First").
    pub name: Option<String>,
    /// Given names.
    pub first: Option<String>,
    /// Surname.
    pub last: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Country.
    pub country: Option<String>,
}

/// What `import` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// New rows.
    pub added: usize,
    /// Rows that added something to an existing entry.
    pub merged: usize,
    /// Rows with no name, or nothing new.
    pub skipped: usize,
    /// Values not written because the entry already has another.
    pub kept: Vec<String>,
}

/// Whether two forms are the same, ignoring case, accents and punctuation
/// (exact text when either folds to nothing).
fn same(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        a.trim() == b.trim()
    } else {
        fa == fb
    }
}

/// A roster file being edited.
#[derive(Debug, Clone)]
pub struct RosterFile {
    /// The file as a table.
    pub table: Table,
}

impl RosterFile {
    /// An empty roster with the standard header.
    pub fn new(path: &Path) -> RosterFile {
        RosterFile {
            table: Table {
                path: path.to_owned(),
                headers: ROSTER_HEADER.iter().map(|h| (*h).to_owned()).collect(),
                rows: Vec::new(),
            },
        }
    }

    /// Parses roster text, refusing what the name rules would refuse.
    pub fn parse(path: &Path, text: &str) -> Result<RosterFile> {
        Roster::parse(path, text)?;
        Ok(RosterFile {
            table: Table::parse(path, text)?,
        })
    }

    /// The index of `column`, adding it at the end of the header (and an
    /// empty cell to every row) when the file does not have it yet.
    fn ensure_column(&mut self, column: &str) -> usize {
        if let Some(i) = self.table.column(column) {
            return i;
        }
        self.table.headers.push(column.to_owned());
        for (_, row) in &mut self.table.rows {
            row.push(String::new());
        }
        self.table.headers.len() - 1
    }

    fn get(&self, row: usize, column: &str) -> &str {
        Table::cell(&self.table.rows[row].1, self.table.column(column))
    }

    /// The 1-based line of a row (0 for a row added in this run).
    pub fn line(&self, row: usize) -> u64 {
        self.table.rows[row].0
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.table.rows.is_empty()
    }

    /// The person of a row.
    pub fn entry(&self, row: usize) -> Person {
        Person {
            name: self.get(row, "name").to_owned(),
            aliases: split_list(self.get(row, "aliases")),
            misheard: split_list(self.get(row, "misheard")),
            never: split_list(self.get(row, "never")),
            role: self.get(row, "role").to_owned(),
            organisation: self.get(row, "organisation").to_owned(),
            country: self.get(row, "country").to_owned(),
        }
    }

    /// The row whose name is `name`, ignoring case and accents.
    pub fn find(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&r| same(self.get(r, "name"), name))
    }

    /// Adds `item` to the list in `column` of `row` unless an equal form is
    /// there; true when it was added.
    fn push_item(&mut self, row: usize, column: &str, item: &str) -> bool {
        let item = item.trim();
        if item.is_empty()
            || split_list(self.get(row, column))
                .iter()
                .any(|x| same(x, item))
        {
            return false;
        }
        let c = self.ensure_column(column);
        let cell = &mut self.table.rows[row].1[c];
        let kept = cell.trim_end();
        *cell = if kept.trim().is_empty() {
            item.to_owned()
        } else {
            format!("{kept}|{item}")
        };
        true
    }

    /// Adds `entry` as a new row, or merges it into the row with the same
    /// name: new list items are added, empty single values filled in.
    pub fn add(&mut self, entry: &Person) -> Result<Merge> {
        let name = entry.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let refuse = |reason: String| Error::Dictionary {
            path: self.table.path.clone(),
            line: 0,
            reason,
        };
        if name.is_empty() {
            return Err(refuse("empty name".into()));
        }
        if name.contains('|') {
            return Err(refuse(format!("`{name}` holds `|`; one name per row")));
        }
        // The roster is opened in spreadsheets too: nothing in it may run.
        let cells = std::iter::once(name.as_str())
            .chain(
                lists(entry)
                    .into_iter()
                    .flat_map(|(_, items)| items.iter().map(String::as_str)),
            )
            .chain(scalars(entry).into_iter().map(|(_, value)| value));
        if let Some(cell) = cells
            .into_iter()
            .find(|c| crate::review::runs_as_formula(c))
        {
            return Err(refuse(format!(
                "`{cell}` would run as a formula in a spreadsheet (it begins with =, +, -, @ or a tab)"
            )));
        }
        for (column, items) in lists(entry) {
            if column != "aliases" {
                if let Some(x) = items.iter().find(|x| same(x, &name)) {
                    return Err(refuse(format!(
                        "{column} form `{x}` is the name `{name}` itself"
                    )));
                }
            }
        }
        let mut merge = Merge::default();
        let row = match self.find(&name) {
            Some(row) => row,
            None => {
                let width = self.table.headers.len();
                self.table.rows.push((0, vec![String::new(); width]));
                let row = self.len() - 1;
                let c = self.ensure_column("name");
                self.table.rows[row].1[c] = name.clone();
                merge.added = true;
                row
            }
        };
        merge.row = row;
        for (column, items) in lists(entry) {
            for item in items.iter().flat_map(|i| split_list(i)) {
                if self.push_item(row, column, &item) && !merge.added {
                    merge.changes.push(format!("{column} + {item}"));
                }
            }
        }
        for (column, value) in scalars(entry) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let current = self.get(row, column).to_owned();
            if current.is_empty() {
                let c = self.ensure_column(column);
                self.table.rows[row].1[c] = value.to_owned();
                if !merge.added {
                    merge.changes.push(format!("{column} = {value}"));
                }
            } else if current != value {
                merge.kept.push(format!(
                    "{}: {column} stays `{current}` (not `{value}`)",
                    self.get(row, "name")
                ));
            }
        }
        Ok(merge)
    }

    /// Rows with any cell containing `pattern` (ignoring case, accents and
    /// punctuation); every row when the pattern is empty.
    pub fn matching(&self, pattern: &str) -> Vec<usize> {
        let folded = fold(pattern);
        let lower = pattern.trim().to_lowercase();
        (0..self.len())
            .filter(|&r| {
                self.table.rows[r].1.iter().any(|cell| {
                    if folded.is_empty() {
                        cell.to_lowercase().contains(&lower)
                    } else {
                        fold(cell).contains(&folded)
                    }
                })
            })
            .collect()
    }

    /// One line describing a row: name, other forms, then role,
    /// organisation and country.
    pub fn describe(&self, row: usize) -> String {
        let e = self.entry(row);
        let mut out = e.name.clone();
        let mut parts = Vec::new();
        for (label, items) in [
            ("also", &e.aliases),
            ("misheard", &e.misheard),
            ("never", &e.never),
        ] {
            if !items.is_empty() {
                parts.push(format!("{label}: {}", items.join(" | ")));
            }
        }
        if !parts.is_empty() {
            out.push_str(&format!(" [{}]", parts.join("; ")));
        }
        let about: Vec<&str> = scalars(&e)
            .into_iter()
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
            .collect();
        if !about.is_empty() {
            out.push_str(" — ");
            out.push_str(&about.join(", "));
        }
        out
    }

    /// The problems that make corrections go wrong, in line order.
    pub fn lint(&self) -> Vec<Problem> {
        let entries: Vec<Person> = (0..self.len()).map(|r| self.entry(r)).collect();
        let folded: Vec<String> = entries.iter().map(|e| fold(&e.name)).collect();
        let skeletons: Vec<String> = folded.iter().map(|f| skeleton(f)).collect();
        let mut problems = Vec::new();
        let mut say = |row: usize, message: String| {
            problems.push((row, message));
        };
        for (r, e) in entries.iter().enumerate() {
            let duplicate = (0..r).find(|&o| folded[o] == folded[r]);
            if let Some(first) = duplicate {
                say(
                    r,
                    format!(
                        "duplicate name `{}`: same as `{}` on line {}",
                        e.name,
                        entries[first].name,
                        self.line(first)
                    ),
                );
            }
            for (column, items) in [("alias", &e.aliases), ("misheard form", &e.misheard)] {
                for item in items {
                    let f = fold(item);
                    if f.is_empty() {
                        continue;
                    }
                    let s = skeleton(&f);
                    for (o, other) in entries.iter().enumerate() {
                        if o == r || folded[o] == folded[r] {
                            continue;
                        }
                        let surname = split_name(&other.name).1;
                        let folded_surname = fold(&surname);
                        let (how, what) = if f == folded[o] {
                            ("is", "the name".to_owned())
                        } else if s == skeletons[o] {
                            ("sounds like", "the name".to_owned())
                        } else if surname != other.name && f == folded_surname {
                            ("is", format!("the surname of `{}`", other.name))
                        } else if surname != other.name && s == skeleton(&folded_surname) {
                            ("sounds like", format!("the surname of `{}`", other.name))
                        } else {
                            continue;
                        };
                        let target = if what == "the name" {
                            &other.name
                        } else {
                            &surname
                        };
                        say(
                            r,
                            format!(
                                "{column} `{item}` of `{}` {how} `{target}`, {what} on line {}: the two people would be confused",
                                e.name,
                                self.line(o)
                            ),
                        );
                    }
                }
            }
            for m in &e.misheard {
                if is_common(m) {
                    say(
                        r,
                        format!(
                            "misheard form `{m}` of `{}` is a common English word: every `{m}` would be changed into the name",
                            e.name
                        ),
                    );
                }
            }
            let given = fold(&split_name(&e.name).0);
            if !given.is_empty() && duplicate.is_none() {
                let earlier: Vec<usize> = (0..r)
                    .filter(|&o| fold(&split_name(&entries[o].name).0) == given)
                    .collect();
                if let Some(&o) = earlier.first() {
                    say(
                        r,
                        format!(
                            "given name `{}` is shared with `{}` on line {}: a lone `{}` is then only suggested, never applied",
                            split_name(&e.name).0,
                            entries[o].name,
                            self.line(o),
                            split_name(&e.name).0
                        ),
                    );
                }
            }
        }
        problems
            .into_iter()
            .map(|(row, message)| Problem {
                line: self.line(row),
                message,
            })
            .collect()
    }

    /// The rows whose name, surname or an alias is `form`.
    fn owners(&self, form: &str) -> Vec<usize> {
        let f = fold(form);
        if f.is_empty() {
            return Vec::new();
        }
        (0..self.len())
            .filter(|&r| {
                let e = self.entry(r);
                fold(&e.name) == f
                    || fold(&split_name(&e.name).1) == f
                    || e.aliases.iter().any(|a| fold(a) == f)
            })
            .collect()
    }

    /// Learns from the name rows (rule `N…`) of a reviewed list: an
    /// accepted row's heard form becomes a `misheard` form of the person the
    /// suggestion names, a rejected one a `never` form. Rows without a
    /// decision teach nothing. Learning the same list twice changes nothing.
    pub fn learn(&mut self, review: &Path, rows: &[ReviewedRow]) -> Learned {
        let mut learned = Learned::default();
        for row in rows {
            if !row.rule.to_uppercase().starts_with('N') {
                continue;
            }
            let (column, opposite) = match row.decision {
                Decision::Accept => ("misheard", "never"),
                Decision::Reject => ("never", "misheard"),
                Decision::Undecided => continue,
            };
            let at = format!("{}:{}", review.display(), row.csv_line);
            let heard = row
                .original
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let suggestion = row.suggestion.trim();
            let owners = self.owners(suggestion);
            let r = match owners.as_slice() {
                [r] => *r,
                [] => {
                    learned
                        .skipped
                        .push(format!("{at}: no roster entry is named `{suggestion}`"));
                    continue;
                }
                _ => {
                    let names: Vec<String> = owners.iter().map(|&r| self.entry(r).name).collect();
                    learned.skipped.push(format!(
                        "{at}: `{suggestion}` could be {}",
                        names.join(" or ")
                    ));
                    continue;
                }
            };
            let e = self.entry(r);
            if heard.is_empty() || same(&heard, &e.name) || same(&heard, suggestion) {
                continue;
            }
            if crate::review::runs_as_formula(&heard) {
                learned.skipped.push(format!(
                    "{at}: `{heard}` would run as a formula in a spreadsheet; not learned"
                ));
                continue;
            }
            let list = if column == "misheard" {
                &e.never
            } else {
                &e.misheard
            };
            if list.iter().any(|x| same(x, &heard)) {
                learned.skipped.push(format!(
                    "{at}: `{heard}` is already a `{opposite}` form of {}; left as it is",
                    e.name
                ));
                continue;
            }
            if column == "misheard" && e.aliases.iter().any(|a| same(a, &heard)) {
                learned.skipped.push(format!(
                    "{at}: `{heard}` is an alias (a correct form) of {}; left as it is",
                    e.name
                ));
                continue;
            }
            if self.push_item(r, column, &heard) {
                learned
                    .changes
                    .push(format!("{}: {column} + {heard} ({at})", e.name));
            }
        }
        learned
    }

    /// Merges a participant list (CSV, or `;`/tab separated: the separator
    /// is the one the header line uses most).
    pub fn import(&mut self, path: &Path, text: &str, columns: &ImportColumns) -> Result<Imported> {
        let err = |line: u64, reason: String| Error::Dictionary {
            path: path.to_owned(),
            line,
            reason,
        };
        let list =
            Table::parse_delimited(path, text, crate::dict::table::guess_separator(text), true)?;
        let headers = &list.headers;
        let find = |names: &[&str]| {
            names.iter().find_map(|n| {
                headers
                    .iter()
                    .position(|h| h.eq_ignore_ascii_case(n.trim()))
            })
        };
        let given = |flag: &Option<String>, defaults: &[&str]| -> Result<Option<usize>> {
            match flag {
                Some(name) => find(&[name.as_str()]).map(Some).ok_or_else(|| {
                    err(
                        1,
                        format!(
                            "the header has no `{name}` column (found: {})",
                            headers.join(", ")
                        ),
                    )
                }),
                None => Ok(find(defaults)),
            }
        };
        enum Names {
            One(usize),
            Two(usize, usize),
        }
        let names = if columns.first.is_some() || columns.last.is_some() {
            match (given(&columns.first, &[])?, given(&columns.last, &[])?) {
                (Some(f), Some(l)) => Names::Two(f, l),
                _ => {
                    return Err(err(
                        1,
                        "give both the first-name and the last-name column".into(),
                    ))
                }
            }
        } else if let Some(n) = given(&columns.name, &["name", "full name", "participant"])? {
            Names::One(n)
        } else {
            let first = find(&[
                "first name",
                "first",
                "given name",
                "firstname",
                "first_name",
            ]);
            let last = find(&[
                "last name",
                "last",
                "surname",
                "family name",
                "lastname",
                "last_name",
            ]);
            match (first, last) {
                (Some(f), Some(l)) => Names::Two(f, l),
                _ => {
                    return Err(err(
                        1,
                        format!(
                            "no name column found (found: {}); say which with --name-column or --first-column and --last-column",
                            headers.join(", ")
                        ),
                    ))
                }
            }
        };
        let role = given(&columns.role, &["role", "title", "function"])?;
        let organisation = given(
            &columns.organisation,
            &["organisation", "organization", "affiliation"],
        )?;
        let country = given(&columns.country, &["country", "nationality"])?;
        let mut report = Imported::default();
        for (_, record) in &list.rows {
            let cell = |i: Option<usize>| {
                i.and_then(|i| record.get(i))
                    .map_or("", String::as_str)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let name = match names {
                Names::One(n) => normalize_name(&cell(Some(n))),
                Names::Two(f, l) => join_name(&cell(Some(f)), &cell(Some(l))),
            };
            let formula = crate::review::runs_as_formula;
            if name.is_empty() || name.contains('|') || formula(&name) {
                report.skipped += 1;
                continue;
            }
            // "-" for "none", or worse: a detail that would run as a formula is left out.
            let detail =
                |i: Option<usize>| Some(cell(i)).filter(|c| !formula(c)).unwrap_or_default();
            let entry = Person {
                name,
                role: detail(role),
                organisation: detail(organisation),
                country: detail(country),
                ..Person::default()
            };
            let merge = self.add(&entry)?;
            report.kept.extend(merge.kept.iter().cloned());
            if merge.added {
                report.added += 1;
            } else if merge.changed() {
                report.merged += 1;
            } else {
                report.skipped += 1;
            }
        }
        Ok(report)
    }

    /// The file as CSV text: the header in its order, every row, quoted
    /// where needed; `crlf` for Windows line endings.
    pub fn to_csv(&self, crlf: bool) -> Result<String> {
        let terminator = if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut writer = csv::WriterBuilder::new()
            .terminator(terminator)
            .from_writer(Vec::new());
        let fail = |e: csv::Error| self.table.row_error(0, format!("cannot write: {e}"));
        writer.write_record(&self.table.headers).map_err(fail)?;
        for (_, row) in &self.table.rows {
            writer.write_record(row).map_err(fail)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| self.table.row_error(0, format!("cannot write: {e}")))?;
        String::from_utf8(bytes).map_err(|e| self.table.row_error(0, e.to_string()))
    }
}

fn tidy(part: &str, first: bool) -> String {
    let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_all_caps(&part) && part.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        crate::names::fold::title_case(&part, first)
    } else {
        part
    }
}

/// A name as participant lists write it, as the roster wants it: extra
/// spaces removed, "LAST, First" turned round, ALL CAPS title-cased
/// (particles such as van or de kept lower).
pub fn normalize_name(raw: &str) -> String {
    match raw.split_once(',') {
        Some((last, first)) if !first.contains(',') => join_name(first, last),
        _ => tidy(raw, true),
    }
}

/// "First Last" from separate given-name and surname cells.
pub fn join_name(first: &str, last: &str) -> String {
    let first = tidy(first, true);
    let last = tidy(last, first.is_empty());
    match (first.is_empty(), last.is_empty()) {
        (true, _) => last,
        (_, true) => first,
        _ => format!("{first} {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Status;

    const TEXT: &str = "name,badge,aliases,misheard,role\nDragan Markovski,7,Dragan,Markovsky,Member\n\"Ana Silva\",9,,,\"Chair, Board\"\n";

    fn roster() -> RosterFile {
        RosterFile::parse(Path::new("r.csv"), TEXT).unwrap()
    }

    #[test]
    fn unchanged_file_writes_back_the_same() {
        assert_eq!(
            roster().to_csv(false).unwrap(),
            TEXT.replace("\"Ana Silva\"", "Ana Silva")
        );
    }

    #[test]
    fn add_merges_by_folded_name_without_duplicates() {
        let mut r = roster();
        let merge = r
            .add(&Person {
                misheard: vec!["markovsky".into(), "Mark Ovski".into()],
                aliases: vec!["Mr. Markovski|Dragan".into()],
                country: "North Macedonia".into(),
                role: "Chair".into(),
                ..Person::named("DRAGAN MARKOVSKÍ")
            })
            .unwrap();
        assert!(!merge.added);
        assert_eq!(
            merge.changes,
            vec![
                "aliases + Mr. Markovski",
                "misheard + Mark Ovski",
                "country = North Macedonia"
            ]
        );
        assert_eq!(merge.kept.len(), 1, "{:?}", merge.kept);
        let text = r.to_csv(false).unwrap();
        assert_eq!(
            text,
            "name,badge,aliases,misheard,role,country\n\
             Dragan Markovski,7,Dragan|Mr. Markovski,Markovsky|Mark Ovski,Member,North Macedonia\n\
             Ana Silva,9,,,\"Chair, Board\",\n"
        );
        let again = r
            .add(&Person {
                misheard: vec!["Mark Ovski".into()],
                ..Person::named("Dragan Markovski")
            })
            .unwrap();
        assert!(!again.changed());
    }

    #[test]
    fn add_appends_a_row_and_refuses_the_name_as_misheard() {
        let mut r = RosterFile::new(Path::new("new.csv"));
        let merge = r
            .add(&Person {
                never: vec!["Markov".into()],
                ..Person::named("  Wai   Min Kwok ")
            })
            .unwrap();
        assert!(merge.added);
        assert_eq!(
            r.to_csv(false).unwrap(),
            "name,aliases,misheard,never,role,organisation,country,notes\nWai Min Kwok,,,Markov,,,,\n"
        );
        let err = r
            .add(&Person {
                misheard: vec!["wai min kwok".into()],
                ..Person::named("Wai Min Kwok")
            })
            .unwrap_err();
        assert!(err.to_string().contains("is the name"), "{err}");
    }

    #[test]
    fn list_filter_ignores_case_and_accents() {
        let mut r = roster();
        r.add(&Person::named("Julián Casasbuenas")).unwrap();
        assert_eq!(r.matching("julian"), vec![2]);
        assert_eq!(r.matching("CHAIR"), vec![1]);
        assert_eq!(r.matching("").len(), 3);
        assert_eq!(
            r.describe(0),
            "Dragan Markovski [also: Dragan; misheard: Markovsky] — Member"
        );
    }

    #[test]
    fn lint_finds_each_kind_of_problem() {
        let text = "name,aliases,misheard\n\
                    Ana Silva,,Will\n\
                    ana sílva,,\n\
                    Dragan Markovski,,\n\
                    Dragan Petrov,,Markovsky\n\
                    Mark Tan,Petrov,\n";
        let r = RosterFile::parse(Path::new("r.csv"), text).unwrap();
        let problems = r.lint();
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", p.line, p.message))
            .collect();
        let has = |line: u64, what: &str| {
            problems
                .iter()
                .any(|p| p.line == line && p.message.contains(what))
        };
        assert!(has(3, "duplicate name `ana sílva`"), "{lines:#?}");
        assert!(
            has(2, "`Will` of `Ana Silva` is a common English word"),
            "{lines:#?}"
        );
        assert!(has(5, "`Markovsky` of `Dragan Petrov` sounds like `Markovski`, the surname of `Dragan Markovski`"), "{lines:#?}");
        assert!(
            has(
                5,
                "given name `Dragan` is shared with `Dragan Markovski` on line 4"
            ),
            "{lines:#?}"
        );
        assert!(has(6, "alias `Petrov` of `Mark Tan` is `Petrov`, the surname of `Dragan Petrov` on line 5"), "{lines:#?}");
        let clean = RosterFile::parse(Path::new("r.csv"), "name\nAna Silva\nBo Tan\n").unwrap();
        assert!(clean.lint().is_empty());
    }

    #[test]
    fn lint_finds_an_alias_that_is_another_name() {
        let r = RosterFile::parse(
            Path::new("r.csv"),
            "name,aliases\nAna Silva,Bo Tan\nBo Tan,\n",
        )
        .unwrap();
        let problems = r.lint();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0]
            .message
            .contains("alias `Bo Tan` of `Ana Silva` is `Bo Tan`"));
    }

    fn reviewed(rule: &str, original: &str, suggestion: &str, decision: Decision) -> ReviewedRow {
        ReviewedRow {
            csv_line: 2,
            id: String::new(),
            file: "a.txt".into(),
            start: (1, 1),
            end: (1, 2),
            status: Status::Suggested,
            original: original.into(),
            suggestion: suggestion.into(),
            decision,
            rule: rule.into(),
        }
    }

    #[test]
    fn learn_accepts_into_misheard_rejects_into_never_once() {
        let mut r = roster();
        let rows = vec![
            reviewed("N002", "Markovksi", "MARKOVSKI", Decision::Accept),
            reviewed("N003", "Anna Silvia", "Ana Silva", Decision::Reject),
            reviewed("N002", "Dragon", "Dragan", Decision::Undecided),
            reviewed("P003", "x", "y", Decision::Accept),
            reviewed("N002", "Zed", "Nobody Here", Decision::Accept),
        ];
        let learned = r.learn(Path::new("review.csv"), &rows);
        assert_eq!(
            learned.changes,
            vec![
                "Dragan Markovski: misheard + Markovksi (review.csv:2)",
                "Ana Silva: never + Anna Silvia (review.csv:2)"
            ]
        );
        assert_eq!(learned.skipped.len(), 1, "{:?}", learned.skipped);
        let once = r.to_csv(false).unwrap();
        assert!(once.contains("Markovsky|Markovksi"), "{once}");
        assert!(
            once.contains(",never\n") && once.contains("Anna Silvia"),
            "{once}"
        );
        let again = r.learn(Path::new("review.csv"), &rows);
        assert!(again.changes.is_empty());
        assert_eq!(r.to_csv(false).unwrap(), once);
        RosterFile::parse(Path::new("r.csv"), &once).unwrap();
    }

    #[test]
    fn nothing_that_would_run_as_a_formula_enters_the_roster() {
        let mut r = roster();
        for entry in [
            Person::named("=HYPERLINK(\"http://x.example\")"),
            Person {
                misheard: vec!["@SUM(1)".into()],
                ..Person::named("Ana Silva")
            },
            Person {
                role: "+cmd".into(),
                ..Person::named("Bo Lund")
            },
        ] {
            let err = r.add(&entry).unwrap_err().to_string();
            assert!(err.contains("would run as a formula"), "{err}");
        }
        let list = "name,role\n=cmd|' /c calc'!A1,chair\nBo Lund,-\nCy Ray,=2+2\n";
        let report = r
            .import(
                Path::new("p.csv"),
                list,
                &ImportColumns {
                    name: Some("name".into()),
                    ..ImportColumns::default()
                },
            )
            .unwrap();
        assert_eq!((report.added, report.skipped), (2, 1));
        let csv = r.to_csv(false).unwrap();
        assert!(
            csv.lines().all(|l| l
                .split(',')
                .all(|c| !crate::review::runs_as_formula(c.trim_matches('"')))),
            "{csv}"
        );
    }

    #[test]
    fn names_are_normalised_on_import() {
        assert_eq!(normalize_name("SILVA, Ana"), "Ana Silva");
        assert_eq!(normalize_name("  Ana   Silva "), "Ana Silva");
        assert_eq!(normalize_name("ANNA VAN DER BERG"), "Anna van der Berg");
        assert_eq!(normalize_name("VAN DER BERG, ANNA"), "Anna van der Berg");
        assert_eq!(normalize_name("DE LA CRUZ"), "De la Cruz");
        assert_eq!(
            normalize_name("INGRID VASQUEZ-MOREAU"),
            "Ingrid Vasquez-Moreau"
        );
        assert_eq!(normalize_name("SEAN O'BRIEN"), "Sean O'Brien");
        assert_eq!(normalize_name("Mary McDonald"), "Mary McDonald");
        assert_eq!(join_name("Ana", "SILVA"), "Ana Silva");
        assert_eq!(join_name("", "Silva"), "Silva");
    }

    #[test]
    fn import_counts_added_merged_and_skipped() {
        let mut r = roster();
        let list = "Full Name\tOrganization\tCountry\n\
                    MARKOVSKI, Dragan\tBNOA\t\n\
                    Ana Silva\t\t\n\
                    \t\t\n\
                    JEAN DE LA FONTAINE\tUN\tFrance\n";
        let report = r
            .import(
                Path::new("p.tsv"),
                list,
                &ImportColumns {
                    name: Some("full name".into()),
                    ..ImportColumns::default()
                },
            )
            .unwrap();
        assert_eq!((report.added, report.merged, report.skipped), (1, 1, 2));
        assert_eq!(r.entry(2).name, "Jean de la Fontaine");
        assert_eq!(r.entry(2).organisation, "UN");
        assert_eq!(r.entry(0).organisation, "BNOA");
    }

    #[test]
    fn import_without_a_name_column_says_what_it_found() {
        let mut r = roster();
        let err = r
            .import(
                Path::new("p.csv"),
                "who,where\nx,y\n",
                &ImportColumns::default(),
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.csv:1: no name column found (found: who, where)"),
            "{err}"
        );
    }
}
