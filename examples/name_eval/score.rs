//! Exact scoring of name findings against the injected mistakes.
//!
//! Rules (see also the module docs of `name_eval.rs`):
//!
//! * A finding and an injected span *touch* when their byte ranges overlap;
//!   a zero-width finding (an insertion) touches a span when it sits inside
//!   it or on either edge.
//! * Applied findings and injected spans that touch are grouped (transitively).
//!   For each group, the region R = the smallest range covering all of them
//!   is rebuilt twice: EXPECTED = RAW[R] with every injected span replaced by
//!   its reference text; ACTUAL = RAW[R] with every applied finding of the
//!   group applied. If ACTUAL == EXPECTED, every finding in the group is a
//!   TRUE fix and every injected span in it is fixed. Otherwise the findings
//!   are WRONG fixes (they changed a damaged name, but not into the
//!   reference) and the spans count as missed.
//! * An applied finding that touches no injected span is a FALSE change:
//!   it altered text that was correct. It is attributed to the recorded
//!   span it overlaps (correct roster name, non-roster name, word-name,
//!   capitalised word), else to "other text".
//! * An applied finding whose replacement equals the text it covers is a
//!   no-op and is ignored.
//! * Suggested findings are judged one at a time with the same region rule
//!   (the finding alone against the spans it touches): suggested-correct,
//!   suggested-wrong (touches a damaged name but would not restore it), or
//!   suggested on correct text.

use std::ops::Range;

use capclean::{Finding, Status};

use crate::transcript::{Class, Injection, Marked};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    True,
    Wrong,
    False(Option<Class>),
    NoOp,
    SuggestedCorrect,
    SuggestedWrong,
    SuggestedOnCorrect(Option<Class>),
    Flagged,
}

/// What happened to one injected mistake.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outcome {
    /// Restored exactly by applied findings.
    pub fixed: bool,
    /// Touched by applied findings that did not restore it.
    pub wrong: bool,
    /// A suggested finding would restore it.
    pub suggested: bool,
}

pub struct Scored {
    /// Parallel to the findings given.
    pub verdicts: Vec<Verdict>,
    /// Parallel to the injections.
    pub outcomes: Vec<Outcome>,
    /// RAW with the applied findings in it.
    pub output: String,
}

fn touches(f: &Range<usize>, span: &Range<usize>) -> bool {
    if f.is_empty() {
        span.start <= f.start && f.start <= span.end
    } else {
        f.start < span.end && span.start < f.end
    }
}

/// Indices of the injections `range` touches (injections sorted, disjoint).
fn touching(injections: &[Injection], range: &Range<usize>) -> Vec<usize> {
    let first = injections.partition_point(|i| i.range.end < range.start);
    (first..injections.len())
        .take_while(|&i| injections[i].range.start <= range.end)
        .filter(|&i| touches(range, &injections[i].range))
        .collect()
}

/// The class of the first recorded span `range` overlaps.
fn class_at(marked: &[Marked], range: &Range<usize>) -> Option<Class> {
    let first = marked.partition_point(|m| m.range.end < range.start);
    marked[first..]
        .iter()
        .take_while(|m| m.range.start <= range.end)
        .find(|m| touches(range, &m.range))
        .map(|m| m.class)
}

/// RAW[region] with the given injected spans replaced by their reference.
fn expected(raw: &str, region: &Range<usize>, injections: &[&Injection]) -> String {
    let mut out = String::new();
    let mut pos = region.start;
    for inj in injections {
        out.push_str(&raw[pos..inj.range.start]);
        out.push_str(&inj.reference);
        pos = inj.range.end;
    }
    out.push_str(&raw[pos..region.end]);
    out
}

/// RAW[region] with `edits` (sorted) applied; `None` if two of them overlap.
fn applied(raw: &str, region: &Range<usize>, edits: &[&Finding]) -> Option<String> {
    let mut out = String::new();
    let mut pos = region.start;
    for f in edits {
        if f.range.start < pos {
            return None;
        }
        out.push_str(&raw[pos..f.range.start]);
        out.push_str(&f.replacement);
        pos = f.range.end;
    }
    out.push_str(&raw[pos..region.end]);
    Some(out)
}

/// The smallest range covering all of `ranges` (at least one).
fn hull<'a>(ranges: impl Iterator<Item = &'a Range<usize>>) -> Range<usize> {
    let (start, end) = ranges.fold((usize::MAX, 0), |(s, e), r| (s.min(r.start), e.max(r.end)));
    start..end
}

struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut j = i;
        while self.0[j] != root {
            let next = self.0[j];
            self.0[j] = root;
            j = next;
        }
        root
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Scores name `findings` (sorted by position) on `raw`.
pub fn score(
    raw: &str,
    findings: &[&Finding],
    injections: &[Injection],
    marked: &[Marked],
) -> Scored {
    let mut verdicts = vec![Verdict::NoOp; findings.len()];
    let mut outcomes = vec![Outcome::default(); injections.len()];
    let is_noop = |f: &Finding| raw.get(f.range.clone()) == Some(f.replacement.as_str());

    // Applied findings: group with the injections they touch. Nodes are
    // findings 0..n, then injections n..n+m.
    let n = findings.len();
    let mut groups = Groups((0..n + injections.len()).collect());
    let applied_ix: Vec<usize> = (0..n)
        .filter(|&i| findings[i].status == Status::Applied && !is_noop(findings[i]))
        .collect();
    let mut touched: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &i in &applied_ix {
        touched[i] = touching(injections, &findings[i].range);
        for &j in &touched[i] {
            groups.join(i, n + j);
        }
    }
    // Members of each group, by root.
    let mut members: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> =
        Default::default();
    for &i in &applied_ix {
        let root = groups.find(i);
        members.entry(root).or_default().0.push(i);
        for &j in &touched[i] {
            let (_, injs) = members.entry(root).or_default();
            if !injs.contains(&j) {
                injs.push(j);
            }
        }
    }
    for (edits, mut injs) in members.into_values() {
        if injs.is_empty() {
            for i in edits {
                verdicts[i] = Verdict::False(class_at(marked, &findings[i].range));
            }
            continue;
        }
        injs.sort_unstable();
        let region = hull(
            edits
                .iter()
                .map(|&i| &findings[i].range)
                .chain(injs.iter().map(|&j| &injections[j].range)),
        );
        let inj_refs: Vec<&Injection> = injs.iter().map(|&j| &injections[j]).collect();
        let edit_refs: Vec<&Finding> = edits.iter().map(|&i| findings[i]).collect();
        let ok = applied(raw, &region, &edit_refs) == Some(expected(raw, &region, &inj_refs));
        for &i in &edits {
            verdicts[i] = if ok { Verdict::True } else { Verdict::Wrong };
        }
        for &j in &injs {
            if ok {
                outcomes[j].fixed = true;
            } else {
                outcomes[j].wrong = true;
            }
        }
    }

    // Suggested and flagged findings, one at a time.
    for (i, f) in findings.iter().enumerate() {
        match f.status {
            Status::Applied => {}
            Status::Flagged => verdicts[i] = Verdict::Flagged,
            Status::Suggested if is_noop(f) => verdicts[i] = Verdict::NoOp,
            Status::Suggested => {
                let injs = touching(injections, &f.range);
                if injs.is_empty() {
                    verdicts[i] = Verdict::SuggestedOnCorrect(class_at(marked, &f.range));
                    continue;
                }
                let region = hull(
                    std::iter::once(&f.range).chain(injs.iter().map(|&j| &injections[j].range)),
                );
                let inj_refs: Vec<&Injection> = injs.iter().map(|&j| &injections[j]).collect();
                let ok = applied(raw, &region, &[f]) == Some(expected(raw, &region, &inj_refs));
                if ok {
                    verdicts[i] = Verdict::SuggestedCorrect;
                    for &j in &injs {
                        outcomes[j].suggested = true;
                    }
                } else {
                    verdicts[i] = Verdict::SuggestedWrong;
                }
            }
        }
    }

    // The output with only the applied name findings in it.
    let mut output = String::with_capacity(raw.len());
    let mut pos = 0;
    for &i in &applied_ix {
        let f = findings[i];
        if f.range.start < pos {
            continue;
        }
        output.push_str(&raw[pos..f.range.start]);
        output.push_str(&f.replacement);
        pos = f.range.end;
    }
    output.push_str(&raw[pos..]);

    Scored {
        verdicts,
        outcomes,
        output,
    }
}

/// Lines of `a` that differ from the same line of `b`.
pub fn differing_lines(a: &str, b: &str) -> usize {
    let mut la = a.lines();
    let mut lb = b.lines();
    let mut n = 0;
    loop {
        match (la.next(), lb.next()) {
            (None, None) => return n,
            (x, y) if x != y => n += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::damage::Op;
    use crate::transcript::{Category, Site};
    use std::borrow::Cow;

    fn inj(raw: &str, text: &str, reference: &str) -> Injection {
        let start = raw.find(text).unwrap();
        Injection {
            range: start..start + text.len(),
            reference: reference.into(),
            category: Category::Phonetic,
            op: Op::Phonetic,
            detail: String::new(),
            site: Site::Text,
        }
    }

    fn finding(range: Range<usize>, replacement: &str, status: Status) -> Finding {
        Finding {
            rule: capclean::rules::RULES[0].rule,
            range,
            replacement: replacement.into(),
            applicability: capclean::edit::Applicability::Always,
            status,
            confidence: 1.0,
            note: Cow::Borrowed(""),
        }
    }

    fn run(raw: &str, injections: &[Injection], findings: &[Finding]) -> Scored {
        let marked = vec![Marked {
            range: raw.find("Geneva").map_or(0..0, |s| s..s + 6),
            class: Class::CapitalisedWord,
            injected: false,
        }];
        let refs: Vec<&Finding> = findings.iter().collect();
        score(raw, &refs, injections, &marked)
    }

    const RAW: &str = "Thank you, Mr. Markovsky, from Geneva.";

    #[test]
    fn a_wider_edit_that_restores_the_reference_is_true() {
        let i = inj(RAW, "Markovsky", "Markovski");
        let s = RAW.find("Mr.").unwrap();
        let f = finding(s..s + 13, "Mr. Markovski", Status::Applied);
        let scored = run(RAW, &[i], &[f]);
        assert_eq!(scored.verdicts, vec![Verdict::True]);
        assert!(scored.outcomes[0].fixed);
        assert_eq!(scored.output, "Thank you, Mr. Markovski, from Geneva.");
    }

    #[test]
    fn a_narrow_edit_inside_the_span_is_true() {
        let i = inj(RAW, "Markovsky", "Markovski");
        let y = RAW.find("y,").unwrap();
        let scored = run(RAW, &[i], &[finding(y..y + 1, "i", Status::Applied)]);
        assert_eq!(scored.verdicts, vec![Verdict::True]);
    }

    #[test]
    fn a_change_that_does_not_restore_the_reference_is_wrong() {
        let i = inj(RAW, "Markovsky", "Markovski");
        let r = i.range.clone();
        let scored = run(RAW, &[i], &[finding(r, "Markowski", Status::Applied)]);
        assert_eq!(scored.verdicts, vec![Verdict::Wrong]);
        assert!(!scored.outcomes[0].fixed && scored.outcomes[0].wrong);
    }

    #[test]
    fn a_change_to_correct_text_is_false_and_attributed() {
        let i = inj(RAW, "Markovsky", "Markovski");
        let g = RAW.find("Geneva").unwrap();
        let scored = run(RAW, &[i], &[finding(g..g + 6, "Genova", Status::Applied)]);
        assert_eq!(
            scored.verdicts,
            vec![Verdict::False(Some(Class::CapitalisedWord))]
        );
        assert!(!scored.outcomes[0].fixed);
    }

    #[test]
    fn findings_touching_one_span_are_judged_together() {
        let raw = "I agree with Casas Buenas today.";
        let i = inj(raw, "Casas Buenas", "Casasbuenas");
        let space = raw.find(" Buenas").unwrap();
        // Deleting the space alone leaves "CasasBuenas": wrong.
        let alone = run(
            raw,
            std::slice::from_ref(&i),
            &[finding(space..space + 1, "", Status::Applied)],
        );
        assert_eq!(alone.verdicts, vec![Verdict::Wrong]);
        // With the capital lowered too, the group restores the reference.
        let both = run(
            raw,
            &[i],
            &[
                finding(space..space + 1, "", Status::Applied),
                finding(space + 1..space + 2, "b", Status::Applied),
            ],
        );
        assert_eq!(both.verdicts, vec![Verdict::True, Verdict::True]);
        assert!(both.outcomes[0].fixed);
    }

    #[test]
    fn an_insertion_at_the_edge_of_a_span_touches_it() {
        let raw = "Thank you, Lindqvst.";
        let i = inj(raw, "Lindqvst", "Lindqvist");
        let at = raw.find("st.").unwrap();
        let scored = run(raw, &[i], &[finding(at..at, "i", Status::Applied)]);
        assert_eq!(scored.verdicts, vec![Verdict::True]);
    }

    #[test]
    fn suggestions_and_noops() {
        let i = inj(RAW, "Markovsky", "Markovski");
        let r = i.range.clone();
        let g = RAW.find("Geneva").unwrap();
        let scored = run(
            RAW,
            &[i],
            &[
                finding(r.clone(), "Markovski", Status::Suggested),
                finding(g..g + 6, "Geneva", Status::Applied),
            ],
        );
        assert_eq!(
            scored.verdicts,
            vec![Verdict::SuggestedCorrect, Verdict::NoOp]
        );
        assert!(scored.outcomes[0].suggested && !scored.outcomes[0].fixed);
        assert_eq!(scored.output, RAW);
    }
}
