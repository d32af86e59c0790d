//! Speaker labels: a label near a roster name, or a rarer spelling of
//! another label of the same file.

use super::propose::{describe, emit, other_given_name, propose, target_text, Clues, Proposal};
use super::tuning::{TWO_PEOPLE_RATIO, TWO_PEOPLE_USES};
use super::{Context, NameContext};
use crate::edit::{Applicability, Finding, Rule};
use crate::formats::Segment;
use crate::names::fold::{fold, recase};
use crate::names::titles::label_name;
use crate::names::{Candidate, FormKind};

pub(super) fn check_label(
    ctx: &Context<'_>,
    names: &NameContext<'_>,
    segment: &Segment,
    out: &mut Vec<Finding>,
) {
    let text = ctx.doc.segment_text(segment);
    // A label's proposals depend on its text and on what the file says,
    // not on where it is: labels recur, each is worked out once a pass.
    let proposals = names
        .shared
        .label_proposals(text, || label_proposals(names, text));
    let base = segment.range.start;
    let placed = proposals
        .into_iter()
        .map(|p| Proposal {
            range: base + p.range.start..base + p.range.end,
            ..p
        })
        .collect();
    emit(ctx, placed, out);
}

/// The proposals for the label segment `text`, spans within it.
fn label_proposals(names: &NameContext<'_>, text: &str) -> Vec<Proposal> {
    let name_range = label_name(text);
    let name = &text[name_range.clone()];
    let range = name_range.clone();
    if name.is_empty() {
        return Vec::new();
    }
    if names.index.is_correct(name) {
        // Right but for a non-breaking hyphen, which the punctuation rules
        // leave alone inside labels.
        if name.contains(['\u{2010}', '\u{2011}']) {
            if let Some(&person) = names.index.owners(name).first() {
                let form = names
                    .index
                    .forms
                    .iter()
                    .find(|f| f.person == person && fold(&f.text) == fold(name));
                if let Some(form) = form {
                    let fixed = recase(&form.text, name);
                    if fixed != name {
                        return vec![Proposal {
                            range,
                            rule: Rule::NameAccents,
                            replacement: fixed,
                            confidence: 1.0,
                            applicability: Applicability::Always,
                            note: format!("{}: hyphen as the roster writes it", form.text),
                        }];
                    }
                }
            }
        }
        return Vec::new();
    }
    let found: Vec<Candidate> = names
        .index
        .lookup(name)
        .iter()
        .filter(|c| names.index.forms[c.form as usize].kind != FormKind::Given)
        .cloned()
        .collect();
    let clues = Clues {
        label: true,
        title_words: text[..name_range.start].trim(),
        ..Clues::default()
    };
    if let Some(mut p) = propose(names, names.index, &found, name, range.clone(), clues) {
        // Both spellings label many turns of this file: most likely two
        // people, not one misheard (a misspelled label is the rarer one, or
        // the only one).
        let uses = |s: &str| names.doc.labels.get(&fold(s)).map_or(0, |l| l.0);
        let (own, other) = (uses(name), uses(&p.replacement));
        if p.rule == Rule::SpeakerLabelName
            && own >= TWO_PEOPLE_USES
            && own * TWO_PEOPLE_RATIO >= other
            && other > 0
        {
            p.applicability = Applicability::Suggest;
            p.note.push_str(&format!(
                "; {own} labels spell it so and {other} as suggested: perhaps two people"
            ));
        }
        return vec![p];
    }
    // A rarer spelling of another label in the same file.
    if let Some(root) = names.doc.label_roots.get(&fold(name)) {
        let (similarity, uses, other) = (root.similarity, root.uses, &root.text);
        let own = names.doc.labels.get(&fold(name)).map_or(1, |l| l.0);
        let note = format!("{other}: written so in {uses} other labels of this file");
        // The more the other spelling dominates, the likelier this one is
        // its slip (measured: 98% of such fixes right in the evaluation).
        let dominance = 1.0 - own as f32 / uses.max(1) as f32;
        return vec![Proposal {
            range,
            rule: Rule::SpeakerLabelName,
            replacement: recase(other, name),
            confidence: similarity * dominance,
            applicability: Applicability::Scored,
            note,
        }];
    }
    // Another given name with the surname of a labelled speaker.
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some(p) = other_given_name(names, &words, name, range.clone(), true) {
        return vec![p];
    }
    // Below the bar of a fix, a label still like the name of a person who
    // speaks under a label of this file is more likely them misheard than a
    // new speaker: too doubtful to apply, too near to pass in silence.
    let Some(near) = super::near_labelled_speaker(names, name) else {
        return Vec::new();
    };
    let note = format!(
        "{}; speaks under another label of this file; below the bar of a fix",
        describe(names.index, &near)
    );
    vec![Proposal {
        range,
        rule: Rule::SpeakerLabelName,
        replacement: recase(target_text(names.index, &near), name),
        confidence: near.score,
        applicability: Applicability::Suggest,
        note,
    }]
}
