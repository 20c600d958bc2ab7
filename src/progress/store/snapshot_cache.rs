//! The snapshot's parsed copy in `cache/`, laid out so that a change reads
//! only the steps it touches.
//!
//! Decoding all of a 100,000-step snapshot cost two thirds of a `note`
//! that then changed one step. Here the state without its steps (the
//! frame) comes first, then each roadmap's steps one after the other, each
//! as its id and its own MessagePack: a reader that wants a few steps skips
//! the others by their lengths without decoding them.
//!
//! The bytes: the layout number; the frame's length (8 bytes) and the
//! frame, a [`Snapshot`] whose roadmaps have no steps; then, for each of the
//! frame's roadmaps in order, its number of steps (4 bytes) and for each
//! step its id and its record, each as a length (4 bytes) and the bytes.
//! Anything else (cut, garbled, another layout) does not decode: the cache
//! is then missed and the YAML read, as for any stale cache.

use std::collections::{BTreeMap, BTreeSet};

use super::snapshot::Snapshot;
use crate::progress::{RoadmapProgress, State, StepProgress};

/// The layout's number, first in the bytes: another layout is a miss.
/// 2: times and operation keys as numbers and parts, not text.
const LAYOUT: u8 = 2;

/// `state`, and whether it was edited by hand, as bytes for [`decode`]
/// and [`Frame::read`].
pub(super) fn encode(state: &State, edited: bool) -> Option<Vec<u8>> {
    let frame = frame_of(state);
    let frame = rmp_serde::to_vec_named(&FrameView {
        state: &frame,
        edited,
    })
    .ok()?;
    let mut out = Vec::with_capacity(frame.len() + 64);
    out.push(LAYOUT);
    out.extend_from_slice(&(frame.len() as u64).to_le_bytes());
    out.extend_from_slice(&frame);
    for progress in state.roadmaps.values() {
        out.extend_from_slice(&u32::try_from(progress.steps.len()).ok()?.to_le_bytes());
        for (id, record) in &progress.steps {
            let record = rmp_serde::to_vec_named(record).ok()?;
            for part in [id.as_bytes(), &record] {
                out.extend_from_slice(&u32::try_from(part.len()).ok()?.to_le_bytes());
                out.extend_from_slice(part);
            }
        }
    }
    Some(out)
}

/// The whole snapshot in `bytes`, or `None` when they are not one.
pub(super) fn decode(bytes: &[u8]) -> Option<Snapshot> {
    let mut frame = Frame::read(bytes)?;
    frame.fill(|_, _| true)?;
    Some(frame.snapshot)
}

/// A snapshot read up to its steps, which [`Frame::fill`] then reads as asked.
pub(super) struct Frame<'a> {
    pub(super) snapshot: Snapshot,
    /// Where the steps begin.
    steps: Reader<'a>,
}

impl<'a> Frame<'a> {
    /// The frame of the snapshot in `bytes`, its roadmaps still without steps.
    pub(super) fn read(bytes: &'a [u8]) -> Option<Frame<'a>> {
        let mut input = Reader { bytes, at: 0 };
        if input.take(1)? != [LAYOUT] {
            return None;
        }
        let length = usize::try_from(u64::from_le_bytes(input.take(8)?.try_into().ok()?)).ok()?;
        let snapshot: Snapshot = rmp_serde::from_slice(input.take(length)?).ok()?;
        // A frame that already holds steps was not made by `encode`.
        if snapshot
            .state
            .roadmaps
            .values()
            .any(|progress| !progress.steps.is_empty())
        {
            return None;
        }
        Some(Frame {
            snapshot,
            steps: input,
        })
    }

    /// Reads the steps `wanted` (roadmap id, step id) says yes to into the
    /// state, skipping the others undecoded; `None` when the bytes are not
    /// whole. Reads once: the frame is used up.
    pub(super) fn fill(&mut self, wanted: impl Fn(&str, &[u8]) -> bool) -> Option<()> {
        let input = &mut self.steps;
        for (roadmap_id, progress) in &mut self.snapshot.state.roadmaps {
            let count = input.count()?;
            let mut steps = Vec::new();
            let mut previous: Option<&[u8]> = None;
            for _ in 0..count {
                let id = input.part()?;
                let record = input.part()?;
                // In order, no id twice: as a map writes them.
                if previous.is_some_and(|previous| previous >= id) {
                    return None;
                }
                previous = Some(id);
                if wanted(roadmap_id, id) {
                    let id = std::str::from_utf8(id).ok()?.to_string();
                    let record: StepProgress = rmp_serde::from_slice(record).ok()?;
                    steps.push((id, record));
                }
            }
            // Sorted already, so the map is built in one pass.
            progress.steps = BTreeMap::from_iter(steps);
        }
        (input.at == input.bytes.len()).then_some(())
    }

    /// Reads only the steps named in `wanted`, per roadmap id: a few among
    /// many, so each id read is looked for among them, not hashed.
    pub(super) fn fill_only(&mut self, wanted: &BTreeMap<String, BTreeSet<String>>) -> Option<()> {
        let wanted: BTreeMap<&str, Vec<&[u8]>> = wanted
            .iter()
            .map(|(roadmap, steps)| {
                (
                    roadmap.as_str(),
                    steps.iter().map(String::as_bytes).collect(),
                )
            })
            .collect();
        self.fill(|roadmap_id, step_id| {
            wanted
                .get(roadmap_id)
                .is_some_and(|steps| steps.binary_search(&step_id).is_ok())
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(length)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.take(4)?.try_into().ok()?)).ok()
    }

    fn part(&mut self) -> Option<&'a [u8]> {
        let length = self.count()?;
        self.take(length)
    }
}

/// The snapshot as the frame serializes it, borrowed: reads as [`Snapshot`].
#[derive(serde::Serialize)]
struct FrameView<'a> {
    state: &'a State,
    edited: bool,
}

/// `state` without the steps of its roadmaps, made without copying them.
/// Each type is taken apart without `..`, so a field added to the state
/// does not compile until it is kept here too.
fn frame_of(state: &State) -> State {
    let State {
        version,
        device,
        seq,
        home_identity,
        copied_from,
        history,
        history_length,
        roadmaps,
        sum,
        end,
    } = state;
    let roadmaps = roadmaps
        .iter()
        .map(|(id, progress)| {
            let RoadmapProgress {
                roadmap_version,
                step_count,
                known_steps,
                last_change,
                latest,
                target,
                target_set,
                steps: _,
            } = progress;
            let frame = RoadmapProgress {
                roadmap_version: *roadmap_version,
                step_count: *step_count,
                known_steps: known_steps.clone(),
                last_change: *last_change,
                latest: *latest,
                target: *target,
                target_set: target_set.clone(),
                steps: BTreeMap::new(),
            };
            (id.clone(), frame)
        })
        .collect();
    State {
        version: *version,
        device: device.clone(),
        seq: *seq,
        home_identity: home_identity.clone(),
        copied_from: copied_from.clone(),
        history: history.clone(),
        history_length: *history_length,
        roadmaps,
        sum: sum.clone(),
        end: *end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{ChangeId, Note, OpKey, Status};

    fn state() -> State {
        let mut state = State {
            device: "d1".into(),
            seq: 7,
            ..State::default()
        };
        for roadmap in ["a", "b"] {
            let progress = state.roadmaps.entry(roadmap.into()).or_default();
            progress.known_steps = vec!["one".into(), "two".into()];
            for (n, step) in ["one", "three", "two"].iter().enumerate() {
                // A time with a fraction of a second (a hand edit's), and
                // keys with and without the change's identity.
                let at =
                    chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00.25-09:30").unwrap();
                let key = OpKey {
                    at,
                    device: "d1".into(),
                    seq: n as u64,
                    change: if n == 0 {
                        ChangeId::default()
                    } else {
                        ChangeId::random()
                    },
                    index: 2,
                };
                let record = StepProgress {
                    status: Status::Done,
                    finished: Some(at),
                    notes: vec![Note {
                        at,
                        text: format!("{roadmap} {step} {n} 👋"),
                        evidence: n == 1,
                        id: Some(key.clone()),
                    }],
                    set: Some(key),
                    ..StepProgress::default()
                };
                progress.steps.insert((*step).into(), record);
            }
        }
        state
    }

    #[test]
    fn a_snapshot_comes_back_whole_or_with_just_the_steps_asked_for() {
        let state = state();
        let bytes = encode(&state, true).unwrap();
        let whole = decode(&bytes).unwrap();
        assert_eq!(whole.state, state);
        assert!(whole.edited);

        let mut frame = Frame::read(&bytes).unwrap();
        let wanted = BTreeMap::from([("b".to_string(), BTreeSet::from(["two".to_string()]))]);
        frame.fill_only(&wanted).unwrap();
        let partial = frame.snapshot.state;
        assert!(partial.roadmaps["a"].steps.is_empty());
        assert_eq!(
            partial.roadmaps["b"].steps.keys().collect::<Vec<_>>(),
            ["two"]
        );
        assert_eq!(
            partial.roadmaps["b"].steps["two"],
            state.roadmaps["b"].steps["two"]
        );
        assert_eq!(partial.roadmaps["a"].known_steps, ["one", "two"]);
        assert_eq!((partial.device.as_str(), partial.seq), ("d1", 7));
    }

    #[test]
    fn bytes_that_are_not_a_whole_snapshot_are_none() {
        let bytes = encode(&state(), false).unwrap();
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end]).is_none(), "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        let mut other = bytes.clone();
        other[0] = LAYOUT + 1;
        assert!(decode(&other).is_none());
        // A frame length past the end.
        let mut long_frame = bytes;
        long_frame[1..9].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(decode(&long_frame).is_none());
    }
}
