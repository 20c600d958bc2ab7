//! What a change did, in words: the lines `done`, `check`, `undo`, `log`,
//! `import`, `sync` and the full-screen view print about steps that moved,
//! notes added, actions ticked and changes taken in or refused. One wording for all of them.

use chrono::NaiveDate;

use crate::control::{escaped, quoted_path};
use crate::i18n::{Key, Lang, format_date, format_date_time, tr, word};
use crate::progress::{
    MAX_TEXT_BYTES, MarkKind, MergeOutcome, Op, Outcome, Reverted, Status, Suspect, timestamp,
};
use crate::roadmap::Roadmap;

use super::status_label;

/// Words for changes to one roadmap's progress, in one language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChangeWords<'a> {
    roadmap: &'a Roadmap,
    lang: Lang,
}

impl<'a> ChangeWords<'a> {
    pub(crate) fn new(roadmap: &'a Roadmap, lang: Lang) -> ChangeWords<'a> {
        ChangeWords { roadmap, lang }
    }

    /// `5` and `Pahami Target Audiens` for a step id, or `?` and the bare
    /// id for a step the roadmap no longer has.
    pub(crate) fn describe_step(&self, step_id: &str) -> (String, String) {
        match self.roadmap.position_of(step_id) {
            Some(position) => (
                (position + 1).to_string(),
                self.roadmap.steps[position]
                    .title
                    .get(self.lang)
                    .to_string(),
            ),
            None => ("?".to_string(), step_id.to_string()),
        }
    }

    /// Where a step comes in the roadmap, to list steps in its order: the
    /// ones it no longer has last, by id.
    fn step_order(&self, step_id: &str) -> (usize, String) {
        match self.roadmap.position_of(step_id) {
            Some(position) => (position, String::new()),
            None => (usize::MAX, step_id.to_string()),
        }
    }

    /// Where an action or resource comes in its step, after its step's
    /// place: items the roadmap no longer has last, by key.
    fn item_order(
        &self,
        kind: MarkKind,
        step_id: &str,
        key: &str,
    ) -> (usize, String, usize, String) {
        let (step, gone) = self.step_order(step_id);
        let item = self.roadmap.position_of(step_id).and_then(|position| {
            let step = &self.roadmap.steps[position];
            match kind {
                MarkKind::Action => step.actions.iter().position(|action| &*action.key == key),
                MarkKind::Resource => step
                    .resources
                    .iter()
                    .position(|resource| &*resource.url == key),
            }
        });
        match item {
            Some(index) => (step, gone, index, String::new()),
            None => (step, gone, usize::MAX, key.to_string()),
        }
    }

    /// `5. Title: to do → done`.
    pub(crate) fn status_changed(&self, step_id: &str, from: Status, to: Status) -> String {
        let (number, title) = self.describe_step(step_id);
        tr(
            self.lang,
            Key::Changed,
            &[
                ("number", &number),
                ("title", &title),
                ("from", &status_label(self.lang, from)),
                ("to", &status_label(self.lang, to)),
            ],
        )
    }

    /// `5. Title: planned for Jan 15, 2027` (or that the day was cleared).
    pub(crate) fn due(&self, step_id: &str, date: Option<NaiveDate>) -> String {
        let (number, title) = self.describe_step(step_id);
        match date {
            Some(date) => tr(
                self.lang,
                Key::LogDue,
                &[
                    ("number", &number),
                    ("title", &title),
                    ("date", &format_date(self.lang, date)),
                ],
            ),
            None => tr(
                self.lang,
                Key::LogDueCleared,
                &[("number", &number), ("title", &title)],
            ),
        }
    }

    /// `5. Title: note added` (or removed).
    pub(crate) fn note(&self, step_id: &str, added: bool) -> String {
        let (number, title) = self.describe_step(step_id);
        let key = if added {
            Key::LogNote
        } else {
            Key::UndoNoteRemoved
        };
        tr(self.lang, key, &[("number", &number), ("title", &title)])
    }

    /// What `note --edit N` (`deleted` false) or `note --delete N` says.
    pub(crate) fn note_changed(&self, step_id: &str, note: usize, deleted: bool) -> String {
        let (number, title) = self.describe_step(step_id);
        let key = if deleted {
            Key::NoteDeleted
        } else {
            Key::NoteEdited
        };
        tr(
            self.lang,
            key,
            &[("note", &note), ("number", &number), ("title", &title)],
        )
    }

    /// A change's operations, a line each (`log`), except that a note
    /// dropped and added again on one step, as `note --edit` records it,
    /// is one "rewritten" line.
    pub(crate) fn ops(&self, ops: &[Op]) -> Vec<String> {
        let mut lines = Vec::with_capacity(ops.len());
        let mut rest = ops;
        while let Some((op, after)) = rest.split_first() {
            rest = after;
            if let (Op::DropNote { step, .. }, Some(Op::Note { step: added, .. })) =
                (op, after.first())
                && step == added
            {
                rest = &after[1..];
                let (number, title) = self.describe_step(step);
                let line = tr(
                    self.lang,
                    Key::LogNoteEdited,
                    &[("number", &number), ("title", &title)],
                );
                lines.push(line);
                continue;
            }
            lines.extend(self.op(op));
        }
        lines
    }

    /// `Note added to 5. Title.`, what `note` says (or that evidence was).
    pub(crate) fn note_added(&self, step_id: &str, evidence: bool) -> String {
        let (number, title) = self.describe_step(step_id);
        let key = if evidence {
            Key::NoteEvidenceAdded
        } else {
            Key::NoteAdded
        };
        tr(self.lang, key, &[("number", &number), ("title", &title)])
    }

    /// `5.2` and the action's text for an action key, or `5.?` (`?.?` for
    /// a step gone) and the bare key for one the roadmap no longer has.
    pub(crate) fn describe_item(
        &self,
        kind: MarkKind,
        step_id: &str,
        key: &str,
    ) -> (String, String) {
        let Some(position) = self.roadmap.position_of(step_id) else {
            return ("?.?".to_string(), key.to_string());
        };
        let step = &self.roadmap.steps[position];
        let found = match kind {
            MarkKind::Action => step
                .actions
                .iter()
                .position(|action| &*action.key == key)
                .map(|index| (index, step.actions[index].text.get(self.lang).to_string())),
            MarkKind::Resource => step
                .resources
                .iter()
                .position(|resource| &*resource.url == key)
                .map(|index| {
                    (
                        index,
                        step.resources[index].title.get(self.lang).to_string(),
                    )
                }),
        };
        match found {
            Some((index, text)) => (format!("{}.{}", position + 1, index + 1), text),
            None => (format!("{}.?", position + 1), key.to_string()),
        }
    }

    /// `5.2 Text: ticked`, or that it already was.
    pub(crate) fn mark(
        &self,
        kind: MarkKind,
        step_id: &str,
        key: &str,
        on: bool,
        changed: bool,
    ) -> String {
        let (label, text) = self.describe_item(kind, step_id, key);
        let message = match (kind, on, changed) {
            (MarkKind::Action, true, true) => Key::ActionTicked,
            (MarkKind::Action, false, true) => Key::ActionUnticked,
            (MarkKind::Action, true, false) => Key::ActionAlreadyTicked,
            (MarkKind::Action, false, false) => Key::ActionAlreadyUnticked,
            (MarkKind::Resource, true, true) => Key::ResourceUsed,
            (MarkKind::Resource, false, true) => Key::ResourceUnused,
            (MarkKind::Resource, true, false) => Key::ResourceAlreadyUsed,
            (MarkKind::Resource, false, false) => Key::ResourceAlreadyUnused,
        };
        tr(self.lang, message, &[("label", &label), ("text", &text)])
    }

    /// `5. Title: 2/4 actions ticked`.
    pub(crate) fn tally(&self, step_id: &str, ticked: usize, total: usize) -> String {
        let (number, title) = self.describe_step(step_id);
        tr(
            self.lang,
            Key::ActionTally,
            &[
                ("number", &number),
                ("title", &title),
                ("ticked", &ticked),
                ("total", &total),
            ],
        )
    }

    /// One operation of a change: a status set, a note added or removed,
    /// the target set; `None` for an undo, which the heading names.
    pub(crate) fn op(&self, op: &Op) -> Option<String> {
        let lang = self.lang;
        let mut line = match op {
            Op::Status { step, from, to, .. } => self.status_changed(step, *from, *to),
            Op::Note {
                step,
                evidence: true,
                ..
            } => {
                let (number, title) = self.describe_step(step);
                tr(
                    lang,
                    Key::LogEvidence,
                    &[("number", &number), ("title", &title)],
                )
            }
            Op::Note { step, .. } => self.note(step, true),
            Op::DropNote { step, .. } => self.note(step, false),
            Op::Tick { step, action, on } => self.mark(MarkKind::Action, step, action, *on, true),
            Op::Used { step, url, on } => self.mark(MarkKind::Resource, step, url, *on, true),
            Op::Target { date: Some(date) } => tr(
                lang,
                Key::LogTargetSet,
                &[("date", &format_date(lang, *date))],
            ),
            Op::Target { date: None } => word(lang, Key::LogTargetCleared).to_string(),
            Op::Due { step, date } => self.due(step, *date),
            Op::Undo { .. } => return None,
        };
        if let Some(step) = op.step()
            && self.roadmap.position_of(step).is_none()
        {
            line.push(' ');
            line.push_str(word(lang, Key::LogRemovedStep));
        }
        Some(line)
    }

    /// What a status command did to one step: the change, or that the
    /// step already was there.
    pub(crate) fn outcome(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::Changed { step, from, to } => self.status_changed(step, *from, *to),
            Outcome::Unchanged { step, status } => {
                let (number, title) = self.describe_step(step);
                tr(
                    self.lang,
                    Key::AlreadyInStatus,
                    &[
                        ("number", &number),
                        ("title", &title),
                        ("status", &status_label(self.lang, *status)),
                    ],
                )
            }
        }
    }

    /// What an undo took back, a heading and indented lines, or that there
    /// was nothing to take back.
    pub(crate) fn reverted(&self, reverted: Option<&Reverted>) -> Vec<String> {
        let lang = self.lang;
        let Some(reverted) = reverted else {
            return vec![word(lang, Key::UndoNothing).to_string()];
        };
        let date = format_date_time(lang, reverted.at.naive_local());
        let mut lines = vec![tr(
            lang,
            Key::UndoReverted,
            &[
                ("command", &command_words(lang, &reverted.command)),
                ("date", &date),
            ],
        )];
        // In the roadmap's order, as a merge lists them.
        let mut statuses: Vec<_> = reverted.statuses.iter().collect();
        statuses.sort_by_cached_key(|(step, ..)| self.step_order(step));
        let mut notes_removed: Vec<_> = reverted.notes_removed.iter().collect();
        notes_removed.sort_by_cached_key(|(step, _)| self.step_order(step));
        let mut ticks: Vec<_> = reverted.ticks.iter().collect();
        ticks.sort_by_cached_key(|(step, key, _)| self.item_order(MarkKind::Action, step, key));
        let mut resources: Vec<_> = reverted.resources.iter().collect();
        resources
            .sort_by_cached_key(|(step, url, _)| self.item_order(MarkKind::Resource, step, url));
        for (step, from, to) in statuses {
            lines.push(format!("    {}", self.status_changed(step, *from, *to)));
        }
        let mut notes_restored: Vec<_> = reverted.notes_restored.iter().collect();
        notes_restored.sort_by_cached_key(|(step, _)| self.step_order(step));
        for (step, count) in notes_removed {
            // An edit taken back took one text away and gave the old back.
            let both = (*count).min(count_for(&reverted.notes_restored, step));
            let (number, title) = self.describe_step(step);
            let unedited = tr(
                lang,
                Key::UndoNoteUnedited,
                &[("number", &number), ("title", &title)],
            );
            for _ in 0..both {
                lines.push(format!("    {unedited}"));
            }
            for _ in both..*count {
                lines.push(format!("    {}", self.note(step, false)));
            }
        }
        for (step, count) in notes_restored {
            let both = (*count).min(count_for(&reverted.notes_removed, step));
            let (number, title) = self.describe_step(step);
            let line = tr(
                lang,
                Key::UndoNoteRestored,
                &[("number", &number), ("title", &title)],
            );
            for _ in both..*count {
                lines.push(format!("    {line}"));
            }
        }
        for (step, key, on) in ticks {
            let line = self.mark(MarkKind::Action, step, key, *on, true);
            lines.push(format!("    {line}"));
        }
        for (step, url, on) in resources {
            let line = self.mark(MarkKind::Resource, step, url, *on, true);
            lines.push(format!("    {line}"));
        }
        let mut dues: Vec<_> = reverted.dues.iter().collect();
        dues.sort_by_cached_key(|(step, _)| self.step_order(step));
        for (step, date) in dues {
            lines.push(format!("    {}", self.due(step, *date)));
        }
        if let Some((_, after)) = reverted.target
            && let Some(line) = self.op(&Op::Target { date: after })
        {
            lines.push(format!("    {line}"));
        }
        lines
    }

    /// What a merge took in from `source` (an export, a history file, a
    /// sync folder), step by step: a heading and indented lines.
    /// `not_taken` counts what was refused or skipped, after which
    /// "already has everything" would be untrue.
    pub(crate) fn merged(
        &self,
        source: &std::path::Path,
        dry_run: bool,
        outcome: &MergeOutcome,
        not_taken: usize,
    ) -> Vec<String> {
        let lang = self.lang;
        let path = quoted_path(source);
        if outcome.is_empty() {
            let key = if not_taken > 0 {
                Key::ImportNothingElse
            } else {
                Key::ImportNothing
            };
            return vec![tr(lang, key, &[("path", &path)])];
        }
        let heading = if dry_run {
            Key::ImportWouldTake
        } else {
            Key::ImportTook
        };
        let mut lines = vec![tr(lang, heading, &[("path", &path)])];
        // The outcome lists steps by id; the learner reads them in the
        // roadmap's order, as `status` shows them (issue 22).
        let mut status_changes: Vec<_> = outcome.status_changes.iter().collect();
        status_changes.sort_by_cached_key(|(step, ..)| self.step_order(step));
        let mut notes_added: Vec<_> = outcome.notes_added.iter().collect();
        notes_added.sort_by_cached_key(|(step, _)| self.step_order(step));
        let mut ticks: Vec<_> = outcome.ticks.iter().collect();
        ticks.sort_by_cached_key(|(step, key, _)| self.item_order(MarkKind::Action, step, key));
        let mut resources: Vec<_> = outcome.resources.iter().collect();
        resources
            .sort_by_cached_key(|(step, url, _)| self.item_order(MarkKind::Resource, step, url));
        for (step, from, to) in status_changes {
            lines.push(format!("    {}", self.status_changed(step, *from, *to)));
        }
        for (step, count) in notes_added {
            let (number, title) = self.describe_step(step);
            let line = tr(
                lang,
                Key::ImportNotes,
                &[("number", &number), ("title", &title), ("count", count)],
            );
            lines.push(format!("    {line}"));
        }
        for (step, key, on) in ticks {
            let line = self.mark(MarkKind::Action, step, key, *on, true);
            lines.push(format!("    {line}"));
        }
        for (step, url, on) in resources {
            let line = self.mark(MarkKind::Resource, step, url, *on, true);
            lines.push(format!("    {line}"));
        }
        if outcome.changes_added > 0 {
            let line = tr(
                lang,
                Key::ImportHistory,
                &[("count", &outcome.changes_added)],
            );
            lines.push(format!("    {line}"));
        }
        lines
    }
}

/// A refused change's reason in words.
/// A recorded command as shown: typed commands as they were typed, and the
/// ones smm-path recorded itself in the user's language.
pub(crate) fn command_words(lang: Lang, command: &str) -> std::borrow::Cow<'_, str> {
    match command {
        crate::progress::HAND_EDIT_COMMAND => word(lang, Key::CommandHandEdit).into(),
        crate::progress::IMPORT_V1_COMMAND => word(lang, Key::CommandImportV1).into(),
        typed => typed.into(),
    }
}

pub(crate) fn suspect(lang: Lang, suspect: &Suspect) -> String {
    match suspect {
        Suspect::BadId(id) => tr(lang, Key::SuspectBadId, &[("id", &escaped(id))]),
        Suspect::ControlCharacter => word(lang, Key::SuspectControl).to_string(),
        Suspect::FromTheFuture(at) => {
            tr(lang, Key::SuspectFuture, &[("at", &timestamp::format(at))])
        }
        Suspect::TooLong(bytes) => tr(
            lang,
            Key::SuspectTooLong,
            &[("bytes", bytes), ("limit", &MAX_TEXT_BYTES)],
        ),
        Suspect::TooOld(at) => tr(lang, Key::SuspectTooOld, &[("at", &timestamp::format(at))]),
        Suspect::SeqOutOfRange(seq) => tr(lang, Key::SuspectSeq, &[("seq", seq)]),
        Suspect::IdTaken(id) => tr(lang, Key::SuspectIdTaken, &[("id", id)]),
    }
}

/// "Refused N changes: why", for the first of them.
pub(crate) fn refused(lang: Lang, refused: &[Suspect]) -> Option<String> {
    let first = refused.first()?;
    Some(tr(
        lang,
        Key::SyncRefused,
        &[("count", &refused.len()), ("reason", &suspect(lang, first))],
    ))
}

/// That this home turned out to be a copy of another and records as a
/// new device from now on.
pub(crate) fn copy_notice(lang: Lang, was: &str, now: &str) -> String {
    tr(lang, Key::SyncCopyNotice, &[("was", &was), ("now", &now)])
}

/// The count `counts` gives the step, 0 when it names it not.
fn count_for(counts: &[(String, usize)], step: &str) -> usize {
    counts
        .iter()
        .find(|(at, _)| at == step)
        .map_or(0, |(_, count)| *count)
}
