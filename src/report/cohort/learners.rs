//! The cohort's learners from the paths a mentor gives: each source read
//! once, in parallel (`sources.rs`), into a small summary; who is who
//! decided by [`group_sources`] from what each file holds; and only a
//! learner whose files each hold changes the others lack read again, to
//! replay the union of their changes (issue "One learner, many machines").

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::sources::{Budget, SourceRead, find_sources, learner_steps};
use super::{Learner, SourceIdentity, group_sources};
use crate::control::quoted_path;
use crate::i18n::{Key, Lang, tr};
use crate::progress::{Change, ChangeId, RoadmapProgress};
use crate::roadmap::Roadmap;

/// The learners under `paths` (files, folders of them, sync folders), in
/// the order given, each learner once however many of their files are
/// given; and the files not counted, with why: unreadable, not an export
/// of this roadmap, or another file of a learner already counted.
pub(crate) fn read_learners(
    paths: &[PathBuf],
    roadmap: &Roadmap,
    lang: Lang,
) -> (Vec<Learner>, Vec<(PathBuf, String)>) {
    let mut skipped = Vec::new();
    let sources = find_sources(paths, lang, &mut skipped);
    let budget = Budget::new();
    let results: Vec<Result<SourceRead, String>> = sources
        .par_iter()
        .map(|source| source.read(roadmap, lang, &budget))
        .collect();
    let mut reads = Vec::new();
    for (source, result) in sources.iter().zip(results) {
        match result {
            Ok(read) => reads.push(read),
            Err(reason) => skipped.push((source.path().to_path_buf(), reason)),
        }
    }
    let identities: Vec<SourceIdentity> = reads
        .iter_mut()
        .map(|read| std::mem::take(&mut read.identity))
        .collect();
    let groups = group_sources(&identities);
    let mut reads: Vec<Option<SourceRead>> = reads
        .into_iter()
        .zip(identities)
        .map(|(mut read, identity)| {
            read.identity = identity;
            Some(read)
        })
        .collect();
    let groups: Vec<Vec<SourceRead>> = groups
        .iter()
        .map(|group| {
            group
                .iter()
                .filter_map(|&index| reads[index].take())
                .collect()
        })
        .collect();
    let learners: Vec<(Learner, Vec<PathBuf>)> = groups
        .into_par_iter()
        .map(|members| learner_of(members, roadmap, lang, &budget))
        .collect();
    let mut shown = Vec::with_capacity(learners.len());
    for (learner, counted) in learners {
        for path in counted {
            let reason = tr(
                lang,
                Key::CohortDuplicate,
                &[("other", &quoted_path(&learner.source))],
            );
            skipped.push((path, reason));
        }
        shown.push(learner);
    }
    (shown, skipped)
}

/// The changes of one learner's sources together, each once (by identity),
/// replayed; `None` when a source cannot be read again in full.
fn replay_union(
    reads: &[SourceRead],
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> Option<RoadmapProgress> {
    let mut seen: HashSet<ChangeId> = HashSet::new();
    let mut changes: Vec<Change> = Vec::new();
    for read in reads {
        let theirs = read.read_changes_again(lang, budget)?;
        changes.extend(
            theirs
                .into_iter()
                .filter(|change| change.roadmap == *roadmap.id)
                .filter(|change| seen.insert(change.id.clone())),
        );
    }
    Some(crate::progress::replay(&changes, &roadmap.id))
}

/// One learner from their sources (in file order): the newest state, the
/// name from whichever file carries one. Returns the learner and the
/// sources counted in it but not shown.
fn learner_of(
    mut members: Vec<SourceRead>,
    roadmap: &Roadmap,
    lang: Lang,
    budget: &Budget,
) -> (Learner, Vec<PathBuf>) {
    let identities: Vec<Vec<(u64, u64)>> = members.iter().map(SourceRead::identities).collect();
    let mut all: Vec<(u64, u64)> = identities.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    // Newest first: the latest change, then the most changes; ties keep file order.
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse((members[index].latest, identities[index].len())));
    // One file that holds every change is the newest state; else the union, replayed.
    let holds_all = order
        .iter()
        .copied()
        .find(|&index| identities[index].len() == all.len());
    let shown = holds_all.unwrap_or(order[0]);
    let replayed = match holds_all {
        Some(_) => None,
        None => replay_union(&members, roadmap, lang, budget),
    };
    let name = std::iter::once(shown)
        .chain(order.iter().copied())
        .find_map(|index| members[index].name.clone());
    let counted = members
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != shown)
        .map(|(_, read)| read.path().to_path_buf())
        .collect();
    let read = members.swap_remove(shown);
    let source = read.path().to_path_buf();
    let (steps, target) = match replayed {
        Some(progress) => (learner_steps(roadmap, &progress), progress.target),
        None => (read.steps, read.target),
    };
    let learner = Learner {
        name: name.unwrap_or_else(|| file_stem(&source)),
        source,
        steps,
        target,
    };
    (learner, counted)
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}
