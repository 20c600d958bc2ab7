//! One step in full, for `show` and `next`.

use std::fmt::Write;

use super::{ProgressReport, StepReport, status_label};
use crate::i18n::{Key, Lang, format_date, format_date_time, word};
use crate::roadmap::{Resource, ResourceKind, Step, reviewed_day};

/// A resource kind in the user's language.
pub(crate) fn resource_kind_label(lang: Lang, kind: ResourceKind) -> &'static str {
    let key = match kind {
        ResourceKind::Course => Key::ResourceCourse,
        ResourceKind::Official => Key::ResourceOfficial,
        ResourceKind::Article => Key::ResourceArticle,
        ResourceKind::Video => Key::ResourceVideo,
        ResourceKind::Tool => Key::ResourceTool,
        ResourceKind::Law => Key::ResourceLaw,
    };
    word(lang, key)
}

/// A language code as a reader says it: "bahasa Inggris" rather than "en",
/// which a learner may not read as a language next to an address. Codes
/// the catalogue has no name for are shown as they are.
pub(crate) fn language_name(lang: Lang, code: &str) -> &str {
    match code {
        "id" => word(lang, Key::LanguageIndonesian),
        "en" => word(lang, Key::LanguageEnglish),
        other => other,
    }
}

/// What a resource is, in what language, and when it was last checked:
/// "law, Indonesian, reviewed 1 Dec 2026".
pub(crate) fn resource_facts(lang: Lang, resource: &Resource) -> String {
    let mut facts = format!(
        "{}, {}",
        resource_kind_label(lang, resource.kind),
        language_name(lang, &resource.language)
    );
    if let Some(day) = reviewed_day(resource.reviewed.as_deref()) {
        let date = format_date(lang, day);
        facts.push_str(", ");
        facts.push_str(&crate::i18n::tr(
            lang,
            Key::ResourceReviewed,
            &[("date", &date)],
        ));
    }
    facts
}

/// Title, status with dates, phase and review day, summary, practical actions, evidence,
/// resources and notes.
pub(crate) fn render_step_detail(
    step: &Step,
    record: &StepReport,
    report: &ProgressReport,
) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let label = |key: Key| word(lang, key);
    // Writing to a String cannot fail; `.ok()` only discards the impossible error.
    writeln!(out, "{}. {}  ({})", record.number, record.title, step.id).ok();
    writeln!(
        out,
        "{}: {}",
        label(Key::LabelStatus),
        status_label(lang, record.status)
    )
    .ok();
    let dates = [
        (Key::LabelStarted, record.started),
        (Key::LabelFinished, record.finished),
    ];
    for (key, at) in dates {
        if let Some(at) = at {
            writeln!(
                out,
                "{}: {}",
                label(key),
                format_date(lang, at.date_naive())
            )
            .ok();
        }
    }
    if let Some(reason) = &record.skip_reason {
        writeln!(out, "{}: {reason}", label(Key::LabelSkipReason)).ok();
    }
    if let Some(phase) = report.phase_of(record) {
        writeln!(out, "{}: {}", label(Key::LabelPhase), phase.title).ok();
    }
    if let Some(day) = reviewed_day(step.reviewed.as_deref()) {
        writeln!(
            out,
            "{}: {}",
            label(Key::LabelReviewed),
            format_date(lang, day)
        )
        .ok();
    }

    writeln!(
        out,
        "\n{}:\n  {}",
        label(Key::LabelSummary),
        step.summary.get(lang)
    )
    .ok();
    if let Some(tally) = record.action_tally() {
        writeln!(out, "\n{} ({tally}):", label(Key::LabelActions)).ok();
        for (index, action) in record.actions.iter().enumerate() {
            let mark = if action.ticked.is_some() { "x" } else { " " };
            let number = format!("{}.{}", record.number, index + 1);
            // A custom roadmap's text may run over lines: each continues
            // under the text, never at the margin where it would pass for
            // an action of its own.
            let indent = format!("\n{}", " ".repeat(7 + number.len()));
            let text = action.text.replace('\n', &indent);
            writeln!(out, "  [{mark}] {number}  {text}").ok();
        }
    }
    if let Some(evidence) = &step.evidence {
        writeln!(
            out,
            "\n{}:\n  {}",
            label(Key::LabelEvidence),
            evidence.get(lang)
        )
        .ok();
    }
    if !step.resources.is_empty() {
        writeln!(out, "\n{}:", label(Key::LabelResources)).ok();
        for (index, resource) in step.resources.iter().enumerate() {
            let used = if record.used.get(index) == Some(&true) {
                format!(" [{}]", label(Key::LabelUsed))
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {}.{}  {} ({}): {}{used}",
                record.number,
                index + 1,
                resource.title.get(lang),
                resource_facts(lang, resource),
                resource.url
            )
            .ok();
        }
    }
    writeln!(out, "\n{}:", label(Key::LabelNotes)).ok();
    if record.notes.is_empty() {
        writeln!(out, "  {}", label(Key::NoNotes)).ok();
    }
    // Numbered, for `note --edit N` and `--delete N`; a note's further
    // lines are indented under its first word.
    let width = record.notes.len().to_string().len();
    let indent = " ".repeat(width + 4);
    for (index, note) in record.notes.iter().enumerate() {
        let number = index + 1;
        let when = format_date_time(lang, note.at.naive_local());
        let text = note.text.replace('\n', &format!("\n{indent}"));
        let shown = if note.evidence {
            format!(" [{}]", label(Key::LabelEvidenceNote))
        } else {
            String::new()
        };
        writeln!(out, "  {number:>width$}. {when}{shown}: {text}").ok();
    }
    out
}
