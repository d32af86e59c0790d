//! The roster: how each person's name must be written, the other correct
//! forms never to change, the known misheard forms, and forms never to
//! correct into the name.

use std::collections::HashSet;
use std::path::Path;

use super::{split_list, Table};
use crate::error::Result;

/// One person of the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The name as it must be written.
    pub name: String,
    /// Other correct forms (nicknames, a given name alone).
    pub aliases: Vec<String>,
    /// Known wrong forms, always corrected.
    pub misheard: Vec<String>,
    /// Forms never to correct into this name.
    pub never: Vec<String>,
    /// Role, e.g. "Chair".
    pub role: String,
    /// Organisation.
    pub organisation: String,
    /// Country.
    pub country: String,
}

impl Person {
    /// A person with only a name.
    pub fn named(name: &str) -> Person {
        Person {
            name: name.to_owned(),
            ..Person::default()
        }
    }
}

/// All people of the loaded roster files.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// People in file order.
    pub people: Vec<Person>,
    /// How many of the first people come from the built-in roster: they
    /// are guesses for English text, not the names a user said to expect.
    pub builtin: usize,
}

impl Roster {
    /// Parses roster CSV text (`name` column required).
    pub fn parse(path: &Path, text: &str) -> Result<Roster> {
        let table = Table::parse(path, text)?;
        let name = table.require("name")?;
        let [aliases, misheard, never, role, organisation, country] = [
            "aliases",
            "misheard",
            "never",
            "role",
            "organisation",
            "country",
        ]
        .map(|c| table.column(c));
        let mut people = Vec::with_capacity(table.rows.len());
        for (line, row) in &table.rows {
            let person = Person {
                name: Table::cell(row, Some(name)).to_owned(),
                aliases: split_list(Table::cell(row, aliases)),
                misheard: split_list(Table::cell(row, misheard)),
                never: split_list(Table::cell(row, never)),
                role: Table::cell(row, role).to_owned(),
                organisation: Table::cell(row, organisation).to_owned(),
                country: Table::cell(row, country).to_owned(),
            };
            if person.name.is_empty() {
                return Err(table.row_error(*line, "empty `name`"));
            }
            if !person.name.chars().any(char::is_alphabetic) {
                return Err(table.row_error(
                    *line,
                    format!("`name` has no letter (`{}`)", person.name.escape_debug()),
                ));
            }
            if person.name.contains('|') {
                return Err(table.row_error(
                    *line,
                    format!("`name` holds a list (`{}`); one name per row", person.name),
                ));
            }
            if let Some(m) = person.misheard.iter().find(|m| **m == person.name) {
                return Err(
                    table.row_error(*line, format!("misheard form `{m}` is the name itself"))
                );
            }
            if let Some(n) = person.never.iter().find(|n| **n == person.name) {
                return Err(
                    table.row_error(*line, format!("`never` form `{n}` is the name itself"))
                );
            }
            people.push(person);
        }
        Ok(Roster { people, builtin: 0 })
    }

    /// Adds the people of `other`.
    ///
    /// A built-in person the other roster lists too (by name or alias) is
    /// left out: the user's entry is the one meant, and two entries for one
    /// person would make every mention of them ambiguous.
    pub fn extend(&mut self, other: Roster) {
        use crate::text::fold::fold;
        let names_of = |p: &Person| {
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .map(|n| fold(n))
                .collect::<Vec<_>>()
        };
        let theirs: HashSet<String> = other.people.iter().flat_map(names_of).collect();
        let builtin = self.builtin;
        let mut kept = 0;
        let mut at = 0;
        self.people.retain(|p| {
            let keep = at >= builtin || !names_of(p).iter().any(|n| theirs.contains(n));
            kept += usize::from(keep && at < builtin);
            at += 1;
            keep
        });
        self.builtin = kept;
        self.people.extend(other.people);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_roster_replaces_the_built_in_entry_of_the_same_person() {
        let mut builtin = Roster::parse(
            Path::new("b.csv"),
            "name,aliases,role\nAntónio Guterres,,Secretary-General\nEmmanuel Macron,,President\n",
        )
        .unwrap();
        builtin.builtin = 2;
        let user = Roster::parse(
            Path::new("u.csv"),
            "name,aliases,role\nAntonio Guterres,,Keynote\nAnna Berg,,Chair\n",
        )
        .unwrap();
        builtin.extend(user);
        let names: Vec<&str> = builtin.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Emmanuel Macron", "Antonio Guterres", "Anna Berg"]);
        assert_eq!(builtin.builtin, 1);
    }

    #[test]
    fn columns_in_any_order_with_extras() {
        let r = Roster::parse(
            Path::new("r.csv"),
            "badge,misheard,name\n7,Wyman Quoc|Why Min,Wai Min Kwok\n",
        )
        .unwrap();
        assert_eq!(r.people[0].name, "Wai Min Kwok");
        assert_eq!(r.people[0].misheard, vec!["Wyman Quoc", "Why Min"]);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            ("name,role\nAna,x\n,chair\n", "r.csv:3: empty `name`"),
            (
                "name,role\nAna,x\n\"\t42\",chair\n",
                "r.csv:3: `name` has no letter (`42`)",
            ),
            (
                "role\nchair\n",
                "r.csv:1: the header has no `name` column (found: role)",
            ),
            (
                "name,misheard\nAna,Ana\n",
                "r.csv:2: misheard form `Ana` is the name itself",
            ),
        ];
        for (text, message) in cases {
            let err = Roster::parse(Path::new("r.csv"), text).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }
}
